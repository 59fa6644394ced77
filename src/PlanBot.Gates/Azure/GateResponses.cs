using PlanBot.Conversations.Gates;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Plans;

namespace PlanBot.Gates.Azure;

/// <summary>Builds the answer to a gate request from the plan, or from its absence.</summary>
internal static class GateResponses
{
    public static GateResponse None(string product, string version) => new(
        product,
        version,
        GateVerdicts.None,
        Approved: false,
        Deployment: null,
        Revision: null,
        [],
        [],
        $"There is no deployment plan for {product} {version} in PlanBot. Start it with `plan {product} {version}` and have it approved.",
        Link: null);

    public static GateResponse Of(Plan plan, IExportLinks? links)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var current = plan.Decisions.Where(d => !d.Stale && d.Revision == plan.Revision).ToList();
        var approvers = plan.Approvers
            .Select(a => new GateApprover(a.ToString(), current.LastOrDefault(d => d.Approver.SameAs(a)) is { } d ? (d.Verdict == Verdict.Approve ? "approved" : "rejected") : "waiting"))
            .ToList();
        var decisions = plan.Decisions
            .Select(d => new GateDecision(d.Approver.ToString(), d.Verdict == Verdict.Approve ? "approved" : "rejected", d.Revision, d.At, d.Stale, d.Reason))
            .ToList();
        return new GateResponse(
            plan.Product,
            plan.Version,
            GateVerdicts.State(plan),
            GateVerdicts.IsApproved(plan),
            plan.IsInDeployment() ? Plan.Stage(plan.State) : null,
            plan.Revision,
            approvers,
            decisions,
            GateVerdicts.Message(plan),
            links?.Create(plan.TenantId, plan.Id).ToString());
    }
}
