namespace PlanBot.Conversations.Ports;

/// <summary>The store could not be reached or did not answer in time; nothing of the turn was saved.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
