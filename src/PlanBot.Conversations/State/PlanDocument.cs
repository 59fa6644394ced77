using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.State;

/// <summary>The stored unit of consistency: the plan and the sessions of every conversation working on it.</summary>
public sealed class PlanDocument
{
    public required Plan Plan { get; set; }

    public Dictionary<string, ConversationSession> Sessions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Messages posted about this plan elsewhere, by purpose (such as "approval"), to update in place.</summary>
    public Dictionary<string, ChannelPost> Posts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// When the next reminder about this plan falls due, or null when none is waiting. Stores index
    /// it, so the reminder worker finds due plans without reading every plan.
    /// </summary>
    public DateTimeOffset? RemindAt { get; set; }

    /// <summary>Reminders sent, by what they are about (an assignment, a round of approval).</summary>
    public Dictionary<string, ReminderRecord> Reminders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reminders claimed by a host and not yet known to be sent; another host sends them if that one died.</summary>
    public List<OwedReply> ReminderOutbox { get; set; } = [];

    /// <summary>
    /// People named in answers carried over from the baseline who were not among the release
    /// channel's members when the plan was started from it (by sign-in name or id).
    /// </summary>
    public List<string> Departed { get; set; } = [];

    /// <summary>
    /// The revision each person was last shown (the approval request, their last <c>status</c> or
    /// <c>show</c>): a decision typed in chat applies to that revision, never to one they did not see.
    /// </summary>
    /// <remarks>Absent (null) until someone is shown a revision, so documents stored before it keep their shape.</remarks>
    public List<ShownRevision>? Shown { get; set; }

    /// <summary>
    /// Deployments that asked whether this plan lets them go ahead (Azure Pipelines checks, GitHub
    /// protection rules), oldest first.
    /// </summary>
    /// <remarks>Absent (null) until a pipeline asks, so documents stored before it keep their shape.</remarks>
    public List<GateRequest>? Gates { get; set; }

    /// <summary>
    /// Messages about those deployments owed to the plan's threads (a pipeline waiting, an outcome
    /// reported), sent by the gate sender like reminders: claimed by a host, taken over if it died.
    /// </summary>
    /// <remarks>Absent (null) until a pipeline asks.</remarks>
    public List<OwedReply>? GateOutbox { get; set; }

    /// <summary>
    /// When the gate sender should next look at this plan (an outcome or a message owed, a retry, a
    /// claim to take over), or null when nothing is owed. Stores index it like <see cref="RemindAt"/>.
    /// </summary>
    public DateTimeOffset? GateAt { get; set; }

    /// <summary>How long a conversation that moved to another plan keeps its place in this one.</summary>
    public static readonly TimeSpan DetachedRetention = TimeSpan.FromDays(30);

    /// <summary>The most conversation sessions a plan keeps; beyond it, the longest idle detached ones go first.</summary>
    public const int MaxSessions = 200;

    /// <summary>
    /// Forgets the sessions of conversations that left this plan long ago (nothing owed, no
    /// assignment waiting), so a plan many people looked at still fits one stored item. The session
    /// of <paramref name="keep"/> (this turn's conversation) always stays.
    /// </summary>
    public void PruneSessions(string keep, DateTimeOffset now)
    {
        var idle = Sessions
            .Where(s => s.Key != keep && !s.Value.Attached && !s.Value.AssignedOnly && s.Value.Outbox.Count == 0)
            .OrderBy(s => s.Value.LastActive ?? DateTimeOffset.MinValue)
            .ToList();
        var excess = Sessions.Count - MaxSessions;
        foreach (var (key, session) in idle)
        {
            if (excess > 0 || now - (session.LastActive ?? DateTimeOffset.MinValue) > DetachedRetention)
            {
                Sessions.Remove(key);
                excess--;
            }
        }
    }

    /// <summary>The revision <paramref name="person"/> was last shown, if any.</summary>
    public int? RevisionShownTo(PersonRef person) => Shown?.Find(s => s.Person.SameAs(person))?.Revision;

    public void ShowRevision(PersonRef person, int revision)
    {
        Shown ??= [];
        Shown.RemoveAll(s => s.Person.SameAs(person));
        Shown.Add(new ShownRevision(person, revision));
    }
}

/// <summary>A person and the revision of the plan they were last shown.</summary>
public sealed record ShownRevision(PersonRef Person, int Revision);

/// <summary>How many reminders went out about one thing, and when the last did.</summary>
public sealed record ReminderRecord(int Count, DateTimeOffset LastAt);
