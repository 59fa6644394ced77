namespace PlanBot.Conversations.Ports;

/// <summary>A conditional write found the document changed (or already created) since it was read.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string message)
        : base(message)
    {
    }

    public ConcurrencyException()
    {
    }

    public ConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
