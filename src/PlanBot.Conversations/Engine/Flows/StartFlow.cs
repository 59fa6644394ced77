using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// A release's plan begins and ends here (OpenUP step 1): <c>plan</c> starts or resumes it, offering
/// the product's latest earlier plan as a baseline; <c>baseline</c> and <c>fresh</c> answer the
/// offer; <c>cancel</c> puts it aside with every answer kept.
/// </summary>
internal sealed class StartFlow(IConversationStore store, ReleaseChannels channels, PeopleLookup people, SectionFormFlow forms)
{
    public async Task StartOrResumeAsync(TurnWork work, string arguments, CancellationToken cancellationToken) =>
        await StartOrResumeAsync(work, arguments, offerBaseline: true, cancellationToken);

    public async Task BaselineAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
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
        if (pending is not null && await MembersOnlyRefusalAsync(work, pending.Product, cancellationToken) is { } refusal)
        {
            work.Reply(new NoticeView(refusal, Tone.Problem));
            return;
        }

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

            var fresh = TenantDocument.Govern(
                Plan.Start(Guid.NewGuid().ToString("N"), tenant, pending.Product, pending.Version, work.From, work.Now),
                await channels.GetAsync(tenant, cancellationToken));
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

    public async Task FreshAsync(TurnWork work, CancellationToken cancellationToken)
    {
        if (work.Session.PendingStart is not { } pending)
        {
            work.Reply(new NoticeView("Nothing is waiting to start. `plan <product> <version>` starts a plan.", Tone.Info));
            return;
        }

        work.Session.PendingStart = null;
        await StartOrResumeAsync(work, $"{pending.Product} {pending.Version}", offerBaseline: false, cancellationToken);
    }

    public static void Cancel(TurnWork work)
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

    private async Task StartOrResumeAsync(TurnWork work, string arguments, bool offerBaseline, CancellationToken cancellationToken)
    {
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            work.Reply(new NoticeView("Tell me the product and the version: `plan <product> <version>`, for example `plan Contoso.Web 2.4`.", Tone.Problem));
            return;
        }

        var (product, version) = (parts[0], parts[1]);
        if (!ReleaseNames.IsProduct(product) || !ReleaseNames.IsVersion(version))
        {
            work.Reply(new NoticeView(
                "A product name is up to 64 letters, digits, dots, dashes or underscores, and a version up to 32 letters, digits, dots, dashes or plus signs, such as `plan Contoso.Web 2.4`.",
                Tone.Problem));
            return;
        }

        var tenant = work.Turn.Conversation.TenantId;
        var found = work.Active is { } active && Same(active.Document.Plan, product, version)
            ? active
            : await store.FindPlanAsync(tenant, product, version, cancellationToken);

        if (await MembersOnlyRefusalAsync(work, product, cancellationToken) is { } refusal)
        {
            work.Reply(new NoticeView(refusal, Tone.Problem));
            return;
        }

        if (found is null && offerBaseline && await OfferBaselineAsync(work, product, version, cancellationToken))
        {
            return;
        }

        if (found is null)
        {
            await StartAsync(work, product, version, cancellationToken);
            return;
        }

        Resume(work, found);
    }

    private async Task StartAsync(TurnWork work, string product, string version, CancellationToken cancellationToken)
    {
        work.Session.PendingStart = null;
        var tenant = await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken);
        var plan = TenantDocument.Govern(
            Plan.Start(Guid.NewGuid().ToString("N"), work.Turn.Conversation.TenantId, product, version, work.From, work.Now),
            tenant);
        work.Attach(new Versioned<PlanDocument>(new PlanDocument { Plan = plan }, null));
        var session = work.Session;
        session.Skipped.Clear();
        session.EditingSection = null;
        var started = $"Started the deployment plan for {plan.Title}. It has {SectionInfo.All.Count} sections, {PlanChecklist.Count} questions: fill in each section and save it, or type your answers one at a time. `status` and `help` work at any time.";
        var missing = channels.Missing(tenant, product);
        work.Reply(forms.Show(work, plan, Section.ScopeAndOverview, missing is null ? started : $"{started} {missing}"));
    }

    private void Resume(TurnWork work, Versioned<PlanDocument> found)
    {
        var document = found.Document;
        var reopened = false;
        if (document.Plan.State == PlanState.Cancelled)
        {
            document.Plan = document.Plan.Reopen(work.From, work.Now);
            reopened = true;
        }

        work.Attach(found);
        var session = work.Session;
        session.Skipped.Clear();
        session.EditingSection = null;
        var next = session.Cursor is { } cursor && PlanChecklist.Find(cursor) is { } open
            ? open
            : Interview.Next(document.Plan, session, null);
        session.Cursor = next?.Id;
        var completeness = document.Plan.Completeness();
        var how = reopened ? "Reopened" : "Resuming";
        var note = $"{how} the plan for {document.Plan.Title} ({completeness.Percent}% complete, {PlanWording.State(document.Plan.State)}).";
        if (next is null)
        {
            document.ShowRevision(work.From, document.Plan.Revision);
            work.Reply(new NoticeView($"{note} Every question has an answer.", Tone.Info));
            work.Reply(PlanSummaries.Build(document.Plan, full: false));
            return;
        }

        work.Reply(forms.Show(work, document.Plan, next.Section, note));
    }

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
            $"There is already a plan for {earlier.Title} ({PlanWording.State(earlier.State)}, {completeness.Percent}% complete). " +
            $"Type `baseline` to start {product} {version} from it: its answers come over marked \"carried over, not confirmed\", and I walk you through keeping, changing or removing each one. " +
            "Dates, time windows and the features in scope are not copied. Type `fresh` to start empty instead.",
            Tone.Info));
        return true;
    }

    private async Task BeginReviewAsync(TurnWork work, Plan plan, Plan baseline, CancellationToken cancellationToken)
    {
        var departed = await people.FindDepartedAsync(work.Active!.Document, cancellationToken);
        var session = work.Session;
        session.Skipped.Clear();
        session.EditingSection = null;
        var first = Interview.Next(plan, session, null);
        var carried = plan.Answers.Values.Count(a => a.IsUnconfirmed);
        var note = $"Started {plan.Title} from the plan for {baseline.Title}: {carried} answer(s) carried over, to keep, change or remove, a section at a time. Dates, time windows and the features in scope start empty.";
        if (departed.Count > 0)
        {
            note = $"{note} No longer in the release channel's team: {string.Join(", ", departed)}; I point them out where they are named.";
        }

        if (await channels.MissingAsync(plan.TenantId, plan.Product, cancellationToken) is { } missing)
        {
            note = $"{note} {missing}";
        }

        if (first is null)
        {
            session.Cursor = null;
            work.Reply(new NoticeView(note, Tone.Info));
            return;
        }

        work.Reply(forms.Show(work, plan, first.Section, note));
    }

    /// <summary>
    /// Where the tenant keeps a product's plans to the members of its release channel: why this person
    /// may not work on them, or null when they may (or no such rule applies).
    /// </summary>
    private async Task<string?> MembersOnlyRefusalAsync(TurnWork work, string product, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken) is not { ReleaseChannelMembersOnly: true } tenant
            || ReleaseChannels.Of(tenant, product) is not { } release)
        {
            return null;
        }

        return await people.IsMemberAsync(release.Channel, work.From, cancellationToken) switch
        {
            true => null,
            false => $"Plans for {product} are for the members of its release channel only, and you are not one of them. A release admin can add you to the channel, or change `settings members-only`.",
            null => $"Plans for {product} are for the members of its release channel only, and I can't check its members right now. Please try again in a minute.",
        };
    }

    private static bool Same(Plan plan, string product, string version) =>
        string.Equals(plan.Product, product, StringComparison.OrdinalIgnoreCase)
        && string.Equals(plan.Version, version, StringComparison.OrdinalIgnoreCase);
}
