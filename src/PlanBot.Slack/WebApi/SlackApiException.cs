using System.Net;

namespace PlanBot.Slack.WebApi;

/// <summary>A Web API call Slack refused: <see cref="Error"/> is Slack's code, such as <c>channel_not_found</c>.</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException(string method, string error, HttpStatusCode? status = null, IReadOnlyList<string>? details = null)
        : base($"Slack {method} failed: {error}{(details is { Count: > 0 } ? $" ({string.Join("; ", details)})" : string.Empty)}")
    {
        Method = method;
        Error = error;
        Status = status;
        Details = details ?? [];
    }

    public SlackApiException()
        : this("unknown", "unknown")
    {
    }

    public SlackApiException(string message)
        : this("unknown", message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "unknown";
        Details = [];
    }

    public string Method { get; }

    public string Error { get; }

    public HttpStatusCode? Status { get; }

    public IReadOnlyList<string> Details { get; }

    /// <summary>
    /// Errors that no retry can cure: the bot cannot post there, or the message itself is refused.
    /// A reply refused this way is dropped rather than kept owed.
    /// </summary>
    public bool IsPermanent => Error is "channel_not_found" or "not_in_channel" or "is_archived" or "msg_too_long"
        or "invalid_blocks" or "invalid_blocks_format" or "no_text" or "account_inactive" or "token_revoked"
        or "message_not_found" or "cant_update_message" or "edit_window_closed" or "restricted_action"
        or "team_access_not_granted" or "user_not_in_channel" or "channel_is_archived" or "too_many_attachments";
}
