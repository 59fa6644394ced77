namespace PlanBot.Conversations.State;

/// <summary>
/// A reply committed with the turn that produced it and not yet known to be sent. The host that
/// committed it sends it right after the commit; <see cref="CommittedAt"/> and
/// <see cref="Instance"/> let a later turn tell a reply still in flight from one whose sender died.
/// </summary>
public sealed record OwedReply(string Id, RenderedReply Reply, DateTimeOffset CommittedAt, string Instance, string? ReplyToActivityId);
