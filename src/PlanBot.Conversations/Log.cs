using Microsoft.Extensions.Logging;

namespace PlanBot.Conversations;

/// <summary>Log messages of the conversation layer. Event ids 1xxx. Never logs answer text or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Turn {ActivityId} in {Conversation} was already processed; ignoring the redelivery")]
    public static partial void Redelivered(this ILogger logger, string activityId, string conversation);

    [LoggerMessage(1002, LogLevel.Debug, "Write conflict on turn {ActivityId} (attempt {Attempt}); re-running on fresh data")]
    public static partial void CommitConflict(this ILogger logger, string activityId, int attempt);

    [LoggerMessage(1003, LogLevel.Warning, "Turn {ActivityId} lost {Attempts} write races in a row; giving up")]
    public static partial void CommitGaveUp(this ILogger logger, string activityId, int attempts);

    [LoggerMessage(1004, LogLevel.Warning, "Could not send reply {ReplyId} to {Conversation}; it stays owed")]
    public static partial void SendFailed(this ILogger logger, Exception exception, string replyId, string conversation);

    [LoggerMessage(1005, LogLevel.Information, "Resending {Count} reply(ies) owed to {Conversation} from an earlier turn")]
    public static partial void ResendingOwed(this ILogger logger, int count, string conversation);

    [LoggerMessage(1006, LogLevel.Error, "The store is unavailable; turn {ActivityId} was not saved")]
    public static partial void StoreUnavailable(this ILogger logger, Exception exception, string activityId);

    [LoggerMessage(1007, LogLevel.Debug, "Recorded {Count} sent reply(ies) for {Conversation}")]
    public static partial void Recorded(this ILogger logger, int count, string conversation);

    [LoggerMessage(1009, LogLevel.Warning, "Reply {ReplyId} to {Conversation} was refused for good and is dropped")]
    public static partial void ReplyRejected(this ILogger logger, Exception exception, string replyId, string conversation);

    [LoggerMessage(1008, LogLevel.Warning, "Could not record sent replies for {Conversation}; will try again")]
    public static partial void RecordFailed(this ILogger logger, Exception exception, string conversation);

    [LoggerMessage(1010, LogLevel.Information, "Sent reminder {ReplyId} about plan {PlanId}")]
    public static partial void ReminderSent(this ILogger logger, string replyId, string planId);

    [LoggerMessage(1011, LogLevel.Warning, "Reminder {Subject} about plan {PlanId} has nowhere to go (no chat or thread recorded, or the channel is not served here); counted as sent")]
    public static partial void ReminderUndeliverable(this ILogger logger, string subject, string planId);

    [LoggerMessage(1012, LogLevel.Warning, "Could not look for due reminders: the store is unavailable; trying again next round")]
    public static partial void ReminderStoreUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(1013, LogLevel.Debug, "Plan {PlanId} was reminded by another host meanwhile")]
    public static partial void ReminderTakenElsewhere(this ILogger logger, string planId);

    [LoggerMessage(1014, LogLevel.Information, "A turn in {Conversation} ({ActivityId}) is over the {Limit} rate limit; not run")]
    public static partial void RateLimited(this ILogger logger, string conversation, string activityId, string limit);

    [LoggerMessage(1015, LogLevel.Warning, "A turn ({ActivityId}) would take plan {PlanId} to {Bytes} bytes, past the {Limit} a plan may take; not stored")]
    public static partial void PlanTooLarge(this ILogger logger, string activityId, string planId, long bytes, int limit);

    [LoggerMessage(1101, LogLevel.Information, "Recorded a {System} request {Request} on plan {PlanId}")]
    public static partial void GateRequestRecorded(this ILogger logger, string system, string request, string planId);

    [LoggerMessage(1102, LogLevel.Information, "Told {System} the outcome of request {Request} on plan {PlanId}: {Approved}")]
    public static partial void GateReported(this ILogger logger, string system, string request, string planId, bool approved);

    [LoggerMessage(1103, LogLevel.Warning, "Could not tell {System} the outcome of request {Request} on plan {PlanId} (failure {Failures}): {Detail}")]
    public static partial void GateReportFailed(this ILogger logger, string system, string request, string planId, int failures, string? detail);

    [LoggerMessage(1104, LogLevel.Warning, "{System} will not take the outcome of request {Request} on plan {PlanId}: {Detail}")]
    public static partial void GateReportGone(this ILogger logger, string system, string request, string planId, string? detail);

    [LoggerMessage(1105, LogLevel.Warning, "Could not look for gate outcomes owed: the store is unavailable; trying again next round")]
    public static partial void GateStoreUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(1106, LogLevel.Warning, "A message about gates on plan {PlanId} has nowhere to go: channel {Channel} is not served by this host")]
    public static partial void GateMessageUndeliverable(this ILogger logger, string planId, string channel);

    [LoggerMessage(1107, LogLevel.Debug, "Gate work on plan {PlanId} lost a write race (attempt {Attempt}); looking again")]
    public static partial void GateConflict(this ILogger logger, string planId, int attempt);
}
