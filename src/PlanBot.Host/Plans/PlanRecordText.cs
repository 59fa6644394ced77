using System.Globalization;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Host.Plans;

/// <summary>
/// How documents and pages outside the chat word a plan's record: who answered and when, where a
/// carried-over answer came from, decisions and history. Plain text: each medium encodes it itself.
/// </summary>
public static class PlanRecordText
{
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"Dana Smith, 2027-02-01 09:00 UTC; carried over from Contoso.Web 2.3, not confirmed".</summary>
    public static string Provenance(Plan plan, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(answer);
        var by = $"{answer.Provenance.AnsweredBy}, {At(answer.Provenance.At)}";
        if (answer.Provenance.CarriedFromPlanId is not { } from)
        {
            return by;
        }

        var source = from == plan.BaselinePlanId && plan.BaselineTitle is not null ? plan.BaselineTitle : $"plan {from}";
        return answer.IsUnconfirmed
            ? $"{by}; carried over from {source}, not confirmed"
            : $"{by}; carried over from {source} and kept";
    }

    public static string State(PlanState state) => PlanWording.State(state);

    public static string Decision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var verdict = decision.Verdict == Verdict.Approve ? "approved" : "rejected";
        var reason = decision.Reason is null ? string.Empty : $": {decision.Reason}";
        var stale = decision.Stale ? " (stale: the plan changed afterwards)" : string.Empty;
        return $"{At(decision.At)}, {decision.Approver} {verdict} revision {decision.Revision}{reason}{stale}";
    }

    public static string Event(PlanEvent planEvent)
    {
        ArgumentNullException.ThrowIfNull(planEvent);
        return $"{At(planEvent.At)}, {planEvent.By}: {planEvent.What} (revision {planEvent.Revision})";
    }

    public static string Approvers(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var names = plan.Approvers.Count == 0 ? "none named" : string.Join(", ", plan.Approvers.Select(a => a.ToString()));
        return $"Approvers: {names}; quorum: {(plan.Quorum == Quorum.All ? "all" : "any one")}.";
    }
}
