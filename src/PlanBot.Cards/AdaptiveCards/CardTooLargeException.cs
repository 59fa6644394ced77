namespace PlanBot.Cards.AdaptiveCards;

/// <summary>Thrown when a view cannot be made to fit the size Teams accepts, even with every long text cut.</summary>
public sealed class CardTooLargeException : Exception
{
    public CardTooLargeException()
    {
    }

    public CardTooLargeException(string message)
        : base(message)
    {
    }

    public CardTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardTooLargeException(string viewName, int utf16Bytes)
        : base($"The {viewName} card is {utf16Bytes:N0} bytes even with every long text cut; Teams takes at most {AdaptiveCardSerializer.HardLimitBytes:N0}.")
    {
        Utf16Bytes = utf16Bytes;
    }

    public int Utf16Bytes { get; }
}
