using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.State;

/// <summary>
/// A key pipelines use to ask about the tenant's plans (<c>GET /api/gates/…</c>). Only its SHA-256
/// (<see cref="Hash"/>, base64) is kept; the key itself was shown once to whoever made it.
/// <see cref="Activity"/> is the message that made it: a turn run again after a lost write race
/// replaces the key it made instead of making a second one.
/// </summary>
public sealed record GateKey(string Id, string Hash, PersonRef CreatedBy, DateTimeOffset CreatedAt, string? Activity = null);
