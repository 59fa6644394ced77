namespace PlanBot.Conversations.Ports;

/// <summary>
/// The channel refused a reply for good (the bot was removed, the message is too large): retrying
/// cannot help, so it is dropped instead of blocking the replies after it.
/// </summary>
public sealed class ReplyRejectedException : Exception
{
    public ReplyRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReplyRejectedException()
    {
    }

    public ReplyRejectedException(string message)
        : base(message)
    {
    }
}
