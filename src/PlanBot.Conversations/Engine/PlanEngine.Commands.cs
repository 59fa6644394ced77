using System.Globalization;
using System.Text;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>Commands about plans as a whole: cancel, list, pending, history, quorum.</summary>
public sealed partial class PlanEngine
{
    private static void Cancel(TurnWork work)
    {
        var document = work.Active!.Document;
        document.Plan = document.Plan.Cancel(work.From, work.Now);
        var plan = document.Plan;
        work.Touch(work.Active);
        work.Detach();
        work.Reply(new NoticeView(
            $"Cancelled the plan for {plan.Title}. Nothing is deleted: `plan {plan.Product} {plan.Version}` reopens it with every answer.",
            Tone.Success));
    }

    private async Task ListAsync(TurnWork work, CancellationToken cancellationToken)
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
            text.Append(CultureInfo.InvariantCulture, $"\n- {plan.Title}: {Plan.Describe(plan.State)}, {plan.Completeness().Percent}% complete, owner {plan.Owner}");
        }

        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    private async Task PendingAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var plans = await store.ListPlansAsync(work.Turn.Conversation.TenantId, null, cancellationToken);
        var waiting = plans
            .Where(p => p.State == PlanState.InReview && p.IsApprover(work.From))
            .Where(p => !p.Decisions.Any(d => !d.Stale && d.Revision == p.Revision && d.Approver.SameAs(work.From)))
            .ToList();
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

    private static NoticeView History(Plan plan)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"History of the plan for {plan.Title}:");
        foreach (var entry in plan.History)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {entry.At:yyyy-MM-dd HH:mm} UTC, {entry.By}: {entry.What} (revision {entry.Revision})");
        }

        return new NoticeView(text.ToString(), Tone.Info);
    }

    private static void SetQuorum(TurnWork work, string argument)
    {
        var document = work.Active!.Document;
        if (!Enum.TryParse<Quorum>(argument, ignoreCase: true, out var quorum))
        {
            work.Reply(new NoticeView($"The quorum is {document.Plan.Quorum.ToString().ToLowerInvariant()}. Type `quorum any` (one approver is enough) or `quorum all` (every approver must approve).", Tone.Info));
            return;
        }

        var before = document.Plan;
        document.Plan = before.WithQuorum(quorum, work.From, work.Now);
        work.Touch(work.Active);
        OnPlanChanged(work, document, before);
        work.Reply(new NoticeView(quorum == Quorum.All
            ? "Every approver must now approve."
            : "One approver's approval is now enough.", Tone.Success));
    }
}
