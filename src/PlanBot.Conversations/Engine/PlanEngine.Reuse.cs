using System.Globalization;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Reuse (OpenUP steps 1 and 3): offer the product's latest earlier plan as a baseline, copy it
/// by each question's carry-over rule, walk the carried answers (keep, change, remove), point out
/// what still belongs to the old release, and for a first release suggest similar products' plans.
/// </summary>
public sealed partial class PlanEngine
{
    /// <summary>Offers the newest earlier plan of the product; false when there is none.</summary>
    private async Task<bool> OfferBaselineAsync(TurnWork work, string product, string version, CancellationToken cancellationToken)
    {
        var earlier = (await store.ListPlansAsync(work.Turn.Conversation.TenantId, product, cancellationToken))
            .Where(p => p.State != PlanState.Cancelled && VersionOrder.Instance.Compare(p.Version, version) < 0)
            .OrderByDescending(p => p.Version, VersionOrder.Instance)
            .FirstOrDefault();
        if (earlier is null)
        {
            return false;
        }

        work.Session.PendingStart = new PendingStart(product, version, earlier.Id, earlier.Title);
        if (work.Active is null)
        {
            work.ConversationChanged = true;
        }

        var completeness = earlier.Completeness();
        work.Reply(new NoticeView(
            $"There is already a plan for {earlier.Title} ({Plan.Describe(earlier.State)}, {completeness.Percent}% complete). " +
            $"Type `baseline` to start {product} {version} from it: its answers come over marked \"carried over, not confirmed\", and I walk you through keeping, changing or removing each one. " +
            "Dates, time windows and the features in scope are not copied. Type `fresh` to start empty instead.",
            Tone.Info));
        return true;
    }

    private async Task BaselineAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var tenant = work.Turn.Conversation.TenantId;
        var pending = work.Session.PendingStart;
        Versioned<PlanDocument>? source;
        if (arguments.Length == 0)
        {
            if (pending is null)
            {
                work.Reply(new NoticeView("No earlier plan is on offer here. Type `baseline <product> <version>` to start from a particular plan.", Tone.Problem));
                return;
            }

            source = await store.GetPlanAsync(tenant, pending.BaselinePlanId, cancellationToken);
        }
        else
        {
            var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            source = await store.FindPlanAsync(tenant, parts[0], parts[1], cancellationToken);
        }

        if (source is null)
        {
            work.Reply(new NoticeView("I can't find that plan in this tenant. `list` shows the plans there are.", Tone.Problem));
            return;
        }

        var baseline = source.Document.Plan;
        if (pending is not null)
        {
            work.Session.PendingStart = null;
            var existing = await store.FindPlanAsync(tenant, pending.Product, pending.Version, cancellationToken);
            if (existing is not null)
            {
                // Someone started the release meanwhile: work on theirs.
                await StartOrResumeAsync(work, $"{pending.Product} {pending.Version}", cancellationToken);
                return;
            }

            var fresh = Plan.Start(Guid.NewGuid().ToString("N"), tenant, pending.Product, pending.Version, work.From, work.Now);
            var plan = Baseline.CopyInto(fresh, baseline, work.Now);
            work.Attach(new Versioned<PlanDocument>(new PlanDocument { Plan = plan }, null));
            await BeginReviewAsync(work, plan, baseline, cancellationToken);
            return;
        }

        if (work.Active is not { } active || active.Document.Plan.State != PlanState.Draft || active.Document.Plan.BaselinePlanId is not null)
        {
            work.Reply(new NoticeView("A baseline can be taken when a plan starts, or by a draft plan that has none yet.", Tone.Problem));
            return;
        }

        if (baseline.Id == active.Document.Plan.Id)
        {
            work.Reply(new NoticeView("A plan cannot be its own baseline.", Tone.Problem));
            return;
        }

        active.Document.Plan = Baseline.CopyInto(active.Document.Plan, baseline, work.Now);
        work.Touch(active);
        await BeginReviewAsync(work, active.Document.Plan, baseline, cancellationToken);
    }

    private async Task BeginReviewAsync(TurnWork work, Plan plan, Plan baseline, CancellationToken cancellationToken)
    {
        var departed = await FindDepartedAsync(work.Active!.Document, cancellationToken);
        var session = work.Session;
        session.Skipped.Clear();
        session.EditingSection = null;
        var first = Interview.Next(plan, session, null);
        session.Cursor = first?.Id;
        var carried = plan.Answers.Values.Count(a => a.IsUnconfirmed);
        var note = $"Started {plan.Title} from the plan for {baseline.Title}: {carried} answer(s) carried over, to confirm one by one. Dates, time windows and the features in scope start empty.";
        if (departed.Count > 0)
        {
            note = $"{note} No longer in the release channel's team: {string.Join(", ", departed)}; I point them out where they are named.";
        }

        if (await MissingReleaseChannelAsync(plan.TenantId, plan.Product, cancellationToken) is { } missing)
        {
            note = $"{note} {missing}";
        }

        if (first is null)
        {
            work.Reply(new NoticeView(note, Tone.Info));
            return;
        }

        work.Reply(Ask(work, plan, first, note: note));
    }

    private async Task FreshAsync(TurnWork work, CancellationToken cancellationToken)
    {
        if (work.Session.PendingStart is not { } pending)
        {
            work.Reply(new NoticeView("Nothing is waiting to start. `plan <product> <version>` starts a plan.", Tone.Info));
            return;
        }

        work.Session.PendingStart = null;
        await StartOrResumeAsync(work, $"{pending.Product} {pending.Version}", cancellationToken, offerBaseline: false);
    }

    private void Keep(TurnWork work)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        if (session.Cursor is not { } current || document.Plan.AnswerTo(current) is not { IsUnconfirmed: true })
        {
            work.Reply(new NoticeView("There is no carried-over answer to keep here. Type a new answer, or `status` to see what is left.", Tone.Info));
            return;
        }

        var before = document.Plan;
        document.Plan = before.Confirm(current, work.From, work.Turn.Conversation.Channel, work.Now);
        work.Touch(work.Active);
        OnPlanChanged(work, document, before);
        MoveOn(work, PlanChecklist.Get(current), "Kept for this release.");
    }

    private void Remove(TurnWork work)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        if (session.Cursor is not { } current || document.Plan.AnswerTo(current) is null)
        {
            work.Reply(new NoticeView("There is no answer to remove here.", Tone.Info));
            return;
        }

        var before = document.Plan;
        document.Plan = before.WithoutAnswer(current, work.From, work.Now);
        work.Touch(work.Active);
        OnPlanChanged(work, document, before);
        work.Reply(Ask(work, document.Plan, PlanChecklist.Get(current), note: "Removed. Type this release's answer, or `skip` to leave it open."));
    }

    /// <summary>After section 1 of a product's first plan: plans of other products with a similar feature set.</summary>
    private async Task<string?> SimilarProductsAsync(TurnWork work, Plan plan, CancellationToken cancellationToken)
    {
        if (plan.BaselinePlanId is not null)
        {
            return null;
        }

        var plans = await store.ListFeatureSetsAsync(work.Turn.Conversation.TenantId, cancellationToken);
        if (plans.Any(p => p.Id != plan.Id && string.Equals(p.Product, plan.Product, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var similar = SimilarPlans.Rank(plan, plans);
        if (similar.Count == 0)
        {
            return null;
        }

        var offers = string.Join("; ", similar.Select(s =>
            $"{s.Plan.Title} (shares {string.Join(", ", s.Shared.Take(5))}; {s.Score.ToString("P0", CultureInfo.InvariantCulture)} overlap)"));
        return $"This is {plan.Product}'s first plan. Plans of products with a similar feature set: {offers}. `baseline <product> <version>` copies one's answers as a starting point, each to confirm.";
    }

    /// <summary>
    /// People named in carried-over answers who are not among the release channel's members now,
    /// where the channel can list them. They are remembered in the plan and pointed out in the review.
    /// </summary>
    private async Task<IReadOnlyList<PersonRef>> FindDepartedAsync(PlanDocument document, CancellationToken cancellationToken)
    {
        document.Departed.Clear();
        var named = document.Plan.Answers.Values
            .Where(a => a.IsUnconfirmed)
            .SelectMany(a => a.Value.People ?? [])
            .Where(p => Identity(p) is not null)
            .ToList();
        if (people is null || named.Count == 0
            || await ReleaseChannelAsync(document.Plan.TenantId, document.Plan.Product, cancellationToken) is not { } channel
            || await people.MembersAsync(channel.Channel, cancellationToken) is not { Count: > 0 } members)
        {
            return [];
        }

        var departed = named.Where(p => !members.Any(m => m.SameAs(p))).DistinctBy(Identity).ToList();
        document.Departed.AddRange(departed.Select(p => Identity(p)!));
        return departed;
    }

    /// <summary>What identifies a person across channels' lookups; null for a name typed without an account behind it.</summary>
    private static string? Identity(PersonRef person) =>
        person.AadObjectId ?? person.Upn ?? (person.IsResolved ? person.Id : null);

    /// <summary>Asks a question; a carried-over answer is shown with how to confirm it and what looks stale in it.</summary>
    private static QuestionView Ask(TurnWork work, Plan plan, Question question, string? problem = null, string? note = null)
    {
        if (plan.AnswerTo(question.Id) is { IsUnconfirmed: true } carried)
        {
            var how = $"Carried over from {plan.BaselineTitle ?? "an earlier plan"}, not confirmed: `keep` it, type this release's answer, or `remove` it.";
            note = note is null ? how : $"{note} {how}";
            var stale = StaleContent.Find(carried, plan, plan.BaselineVersion, work.Now).ToList();
            var departed = work.Active?.Document.Departed ?? [];
            stale.AddRange((carried.Value.People ?? [])
                .Where(p => Identity(p) is { } id && departed.Contains(id))
                .Select(p => $"names {p}, who is no longer in the release channel's team"));
            if (stale.Count > 0)
            {
                var found = $"Check this answer: it {string.Join("; it ", stale)}.";
                problem = problem is null ? found : $"{problem} {found}";
            }
        }

        return Interview.Ask(plan, question, problem, note);
    }
}
