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

    /// <summary>Plans one <c>list</c> page shows.</summary>
    public const int ListPageSize = 50;

    /// <summary>
    /// How many of the tenant's newest plans <c>pending</c> looks through, <see cref="PendingScanPage"/>
    /// at a time: a plan waits for its approvers soon after it is made, and a tenant's every plan is
    /// more than one command should read.
    /// </summary>
    public const int PendingScanLimit = 500;

    private const int PendingScanPage = 100;

    /// <summary><c>list [page]</c>: one page of the tenant's plans, newest first, and how to see the next.</summary>
    public async Task ListAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var page = arguments.Length == 0 ? 1 : int.Parse(arguments, NumberStyles.None, CultureInfo.InvariantCulture);
        // One more than a page: whether there is a next page, without counting the tenant's plans.
        var plans = await store.ListPlansPageAsync(work.Turn.Conversation.TenantId, (page - 1) * ListPageSize, ListPageSize + 1, cancellationToken);
        if (plans.Count == 0)
        {
            work.Reply(new NoticeView(
                page == 1 ? "No plans in this tenant yet. Start one with `plan <product> <version>`." : $"There is no page {page} of plans: type `list` for the newest.",
                Tone.Info));
            return;
        }

        var text = new StringBuilder(page == 1 ? "Plans in this tenant:" : $"Plans in this tenant, page {page}:");
        foreach (var plan in plans.Take(ListPageSize))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {plan.Title}: {PlanWording.State(plan.State)}, {plan.Completeness().Percent}% complete, owner {plan.Owner}");
        }

        if (plans.Count > ListPageSize)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nOlder plans: `list {page + 1}`.");
        }

        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    public async Task PendingAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var tenant = work.Turn.Conversation.TenantId;
        var waiting = new List<Plan>();
        var looked = 0;
        var all = false;
        while (looked < PendingScanLimit && !all)
        {
            var page = await store.ListPlansPageAsync(tenant, looked, PendingScanPage, cancellationToken);
            waiting.AddRange(page.Where(p => p.AwaitingDecision().Any(a => a.SameAs(work.From))));
            looked += page.Count;
            all = page.Count < PendingScanPage;
        }

        var beyond = all ? string.Empty : $"\n(I looked through the newest {PendingScanLimit} plans of this tenant; open an older one with `plan <product> <version>`.)";
        if (waiting.Count == 0)
        {
            work.Reply(new NoticeView("No plan is waiting for your decision." + beyond, Tone.Info));
            return;
        }

        var text = new StringBuilder("Waiting for your decision:");
        foreach (var plan in waiting)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {plan.Title} (revision {plan.Revision}, owner {plan.Owner}): `plan {plan.Product} {plan.Version}`, then `approve` or `reject <reason>`");
        }

        work.Reply(new NoticeView(text.Append(beyond).ToString(), Tone.Info));
    }
}
