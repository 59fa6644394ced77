using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Gates;

/// <summary>
/// Keeps what a plan owes the deployments waiting on it in step with the plan, in the same write as
/// the change that moves it: a decision makes an outcome owed, an edit that makes the decision stale
/// takes it back (unless a host already claimed it to send), and <see cref="PlanDocument.GateAt"/>
/// says when the gate sender should look next. Called before every write of a plan that has gate
/// requests, like <see cref="Reminders.ReminderSchedule.Refresh"/>.
/// </summary>
public static class GateSchedule
{
    /// <summary>
    /// How long a request is remembered: Azure Pipelines and GitHub give up waiting after 30 days at
    /// most, and the approval card lists what the plan gated within this time.
    /// </summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(31);

    /// <summary>The most requests a plan keeps; beyond it the oldest settled ones are forgotten first.</summary>
    public const int MaxRequests = 50;

    public static void Refresh(PlanDocument document, DateTimeOffset now, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Gates is null && document.GateOutbox is null)
        {
            return;
        }

        foreach (var request in document.Gates ?? [])
        {
            if (request.Waiting && request.Claim is null)
            {
                request.Outcome = Owed(request.Outcome, document.Plan, now);
            }
        }

        Prune(document, now);
        document.GateAt = Next(document, grace);
    }

    /// <summary>
    /// What a request not being sent now is owed: what the plan says, null while it is undecided. An
    /// outcome owed since earlier that still holds keeps its time, so the sender's schedule does not
    /// move with every write.
    /// </summary>
    public static GateOutcome? Owed(GateOutcome? owed, Domain.Plans.Plan plan, DateTimeOffset now)
    {
        var current = GateVerdicts.Outcome(plan, now);
        return owed is not null && current is not null && owed.Approved == current.Approved && owed.Revision == current.Revision ? owed : current;
    }

    private static DateTimeOffset? Next(PlanDocument document, TimeSpan grace)
    {
        DateTimeOffset? next = null;
        foreach (var request in document.Gates ?? [])
        {
            DateTimeOffset? due = !request.Waiting ? null
                : request.Claim is { } claim ? claim.At + grace
                : request.Outcome is { } owed ? request.RetryAt ?? owed.At
                : null;
            next = Earliest(next, due);
        }

        foreach (var message in document.GateOutbox ?? [])
        {
            // The host that committed a message sends it at once; the others look after the grace.
            next = Earliest(next, message.CommittedAt + grace);
        }

        return next;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Forgets requests older than the systems wait, and the oldest settled ones beyond the most a plan keeps.</summary>
    private static void Prune(PlanDocument document, DateTimeOffset now)
    {
        if (document.Gates is not { } requests)
        {
            return;
        }

        requests.RemoveAll(r => now - r.RequestedAt > Retention && r.Claim is null);
        var excess = requests.Count - MaxRequests;
        if (excess > 0)
        {
            var settled = requests.Where(r => !r.Waiting).OrderBy(r => r.RequestedAt).Take(excess).ToHashSet();
            requests.RemoveAll(settled.Contains);
        }

        if (document.GateOutbox is { Count: 0 })
        {
            document.GateOutbox = null;
        }
    }
}
