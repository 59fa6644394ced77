using System.Globalization;
using System.Text;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>Looking at plans: <c>status</c> and <c>show</c> of this conversation's plan, its <c>history</c>, and the tenant's <c>list</c> and <c>pending</c>.</summary>
internal sealed class OverviewFlow(IConversationStore store)
{
    /// <summary>
    /// The summary with schedule warnings and, for a plan from a baseline, what changed against it. It
    /// shows this person the current revision, which a decision they type then refers to.
    /// </summary>
    public async Task SummaryAsync(TurnWork work, bool full, CancellationToken cancellationToken)
    {
        var document = work.Active!.Document;
        var plan = document.Plan;
        document.ShowRevision(work.From, plan.Revision);
        var baseline = plan.BaselinePlanId is { } id
            ? (await store.GetPlanAsync(plan.TenantId, id, cancellationToken))?.Document.Plan
            : null;
        var drafting = plan.State is PlanState.Draft or PlanState.Rejected;
        var submittable = drafting && plan.Completeness().IsComplete && plan.IsOwner(work.From);
        work.Reply(PlanSummaries.Build(plan, full, work.Now, baseline) with { CanSubmit = submittable, OffersSections = drafting });
    }

    public static void History(TurnWork work)
    {
        var plan = work.Active!.Document.Plan;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"History of the plan for {plan.Title}:");
        foreach (var entry in plan.History)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {entry.At:yyyy-MM-dd HH:mm} UTC, {entry.By}: {entry.What} (revision {entry.Revision})");
        }

        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    public async Task ListAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var plans = await store.ListPlansAsync(work.Turn.Conversation.TenantId, null, cancellationToken);
        if (plans.Count == 0)
        {
            work.Reply(new NoticeView("No plans in this tenant yet. Start one with `plan <product> <version>`.", Tone.Info));
            return;
        }

        var text = new StringBuilder("Plans in this tenant:");
        foreach (var plan in plans.Take(50))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {plan.Title}: {PlanWording.State(plan.State)}, {plan.Completeness().Percent}% complete, owner {plan.Owner}");
        }

        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    public async Task PendingAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var plans = await store.ListPlansAsync(work.Turn.Conversation.TenantId, null, cancellationToken);
        var waiting = plans.Where(p => p.AwaitingDecision().Any(a => a.SameAs(work.From))).ToList();
        if (waiting.Count == 0)
        {
            work.Reply(new NoticeView("No plan is waiting for your decision.", Tone.Info));
            return;
        }

        var text = new StringBuilder("Waiting for your decision:");
        foreach (var plan in waiting)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {plan.Title} (revision {plan.Revision}, owner {plan.Owner}): `plan {plan.Product} {plan.Version}`, then `approve` or `reject <reason>`");
        }

        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }
}
