using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Submission and decisions. Authority is read from the plan as stored at the moment of the click,
/// and a decision from a card names the revision it approves, so a card shown before an edit cannot
/// approve what it did not show. The plan's own rules decide; this flow says what they decided.
/// </summary>
internal sealed class ApprovalFlow(IConversationStore store, ReleaseChannels channels)
{
    public async Task SubmitAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var active = work.Active!;
        var document = active.Document;
        // The tenant's rules as they are now: a plan started before backout plans became optional may go without one.
        var tenant = await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken);
        var before = TenantDocument.Govern(document.Plan, tenant);
        var submitted = before.Submit(work.From, work.Now);
        var channel = tenant is null ? null : ReleaseChannels.Of(tenant, before.Product);
        if (channel is null)
        {
            work.Reply(new NoticeView(
                $"No release channel is set for {before.Product}, so there is nowhere to post the approval request. {ReleaseChannels.HowToSet(before.Product)} Then `submit` again.",
                Tone.Problem));
            return;
        }

        document.Plan = submitted;
        work.Touch(active);
        var plan = document.Plan;
        if (document.Posts.TryGetValue(PostKeys.Approval, out var post))
        {
            work.Post(ApprovalViews.Build(document, forApprover: false, now: work.Now), post.Thread, DeliveryMode.Update, post.ActivityId);
            work.Post(new NoticeView($"{work.From} submitted revision {plan.Revision} of the plan again. Please review it.", Tone.Info, plan.Approvers), post.Thread, DeliveryMode.Reply);
        }
        else
        {
            work.Post(ApprovalViews.Build(document, forApprover: false, now: work.Now), channel.Channel, DeliveryMode.NewThread, postKey: PostKeys.Approval);
        }

        // The request shows the approvers this revision: a decision they type refers to it.
        foreach (var approver in plan.Approvers)
        {
            document.ShowRevision(approver, plan.Revision);
        }

        work.Reply(new NoticeView(
            $"Submitted the plan for {plan.Title} (revision {plan.Revision}) for approval. The request is posted in the release channel; approvers: {string.Join(", ", plan.Approvers)} ({(plan.Quorum == Quorum.All ? "all must approve" : "one approval is enough")}).",
            Tone.Success));
    }

    /// <summary>
    /// <c>approve</c> or <c>reject &lt;reason&gt;</c> typed in a conversation working on the plan. It
    /// applies to the revision this approver was last shown; when the plan changed since (or they were
    /// never shown it), the plan is shown with what changed, and nothing is recorded until they decide again.
    /// </summary>
    public async Task DecideTypedAsync(TurnWork work, Verdict verdict, string? reason, CancellationToken cancellationToken)
    {
        var active = work.Active!;
        var document = active.Document;
        var plan = document.Plan;
        var seen = document.RevisionShownTo(work.From);
        if (seen != plan.Revision && plan.IsApprover(work.From) && plan.State is PlanState.InReview or PlanState.Approved)
        {
            document.ShowRevision(work.From, plan.Revision);
            work.Touch(active);
            var changes = seen is int shown ? plan.History.Where(e => e.Revision > shown).Select(e => e.What).Distinct().ToList() : [];
            var what = seen is int before
                ? $"The plan for {plan.Title} changed since you were shown revision {before}: {string.Join("; ", changes)}."
                : $"You have not been shown the plan for {plan.Title} yet.";
            work.Reply(new NoticeView($"{what} Here is revision {plan.Revision}; nothing was recorded. Type `approve` or `reject <reason>` again to decide on it.", Tone.Warning));
            work.Reply(PlanSummaries.Build(plan, full: true, work.Now));
            return;
        }

        await DecideAsync(work, active, verdict, reason, seen, fromCard: false, cancellationToken);
    }

    /// <summary>Approve or Reject pressed on the approval card, for the revision it showed.</summary>
    public async Task DecideOnCardAsync(TurnWork work, DecideAction action, CancellationToken cancellationToken)
    {
        if (await PlanOfCardAsync(work, action.PlanId, cancellationToken) is { } target)
        {
            // A card that named no revision cannot say what its approver saw: it counts as an old one.
            await DecideAsync(work, target, action.Verdict, action.Reason, action.Revision ?? -1, fromCard: true, cancellationToken);
        }
    }

    /// <summary>The approval card as whoever looks at it should see it: with the buttons for an approver.</summary>
    public async Task RefreshAsync(TurnWork work, RefreshApprovalAction action, CancellationToken cancellationToken)
    {
        if (await PlanOfCardAsync(work, action.PlanId, cancellationToken) is { } target)
        {
            var plan = target.Document.Plan;
            target.Document.ShowRevision(work.From, plan.Revision);
            work.Touch(target);
            work.InvokeResponse = ApprovalViews.Build(target.Document, forApprover: plan.IsApprover(work.From), now: work.Now);
        }
    }

    public static void SetQuorum(TurnWork work, string argument)
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
        PlanNotices.PlanChanged(work, document, before);
        work.Reply(new NoticeView(quorum == Quorum.All
            ? "Every approver must now approve."
            : "One approver's approval is now enough.", Tone.Success));
    }

    private async Task DecideAsync(TurnWork work, Versioned<PlanDocument> target, Verdict verdict, string? reason, int? revision, bool fromCard, CancellationToken cancellationToken)
    {
        var document = target.Document;
        var plan = document.Plan;
        var policy = (await channels.GetAsync(plan.TenantId, cancellationToken))?.Policy;
        Plan after;
        try
        {
            after = plan.Decide(work.From, verdict, reason, work.Now, revision, policy);
        }
        catch (PlanRuleException refused)
        {
            var refusal = refused.Rule != PlanRule.ReasonRequired
                ? PlanWording.Refusal(refused, plan)
                : fromCard ? "A rejection needs a reason: type it in the reason box, then Reject." : "A rejection needs a reason: `reject <reason>`.";
            work.Reply(new NoticeView(refusal, Tone.Problem));
            work.InvokeResponse = ApprovalViews.Build(document, forApprover: plan.IsApprover(work.From), refusal, now: work.Now);
            return;
        }

        if (ReferenceEquals(after, plan))
        {
            var already = $"Your {(verdict == Verdict.Approve ? "approval" : "rejection")} of revision {plan.Revision} is already recorded.";
            work.InvokeResponse = ApprovalViews.Build(document, forApprover: true, already, now: work.Now);
            if (!fromCard)
            {
                work.Reply(new NoticeView(already, Tone.Info));
            }

            return;
        }

        document.Plan = after;
        work.Touch(target);
        var outcome = after.State switch
        {
            PlanState.Approved => $" The plan for {after.Title} is approved: ready for production.",
            PlanState.Rejected => $" The plan for {after.Title} is rejected and goes back to {after.Owner} as a draft on the next change.",
            _ => string.Empty,
        };
        var what = verdict == Verdict.Approve
            ? $"{work.From} approved revision {after.Revision}.{outcome}"
            : $"{work.From} rejected revision {after.Revision}: {reason!.Trim()}.{outcome}";
        var tone = verdict == Verdict.Approve ? Tone.Success : Tone.Warning;
        if (document.Posts.TryGetValue(PostKeys.Approval, out var post))
        {
            work.Post(ApprovalViews.Build(document, forApprover: false, now: work.Now), post.Thread, DeliveryMode.Update, post.ActivityId);
            if (post.Thread.ConversationId != work.Turn.Conversation.ConversationId || fromCard)
            {
                work.Post(new NoticeView(what, tone), post.Thread, DeliveryMode.Reply);
            }
        }

        PlanNotices.TellOwner(work, after, new NoticeView(what, tone));
        work.InvokeResponse = ApprovalViews.Build(document, forApprover: true, what, now: work.Now);
        if (!fromCard)
        {
            work.Reply(new NoticeView(what, tone));
        }
    }

    /// <summary>The plan a card is about (tenant-scoped: another tenant's id finds nothing), or null with the refusal said.</summary>
    private async Task<Versioned<PlanDocument>?> PlanOfCardAsync(TurnWork work, string? planId, CancellationToken cancellationToken)
    {
        var target = planId is null || work.Active?.Document.Plan.Id == planId
            ? work.Active
            : await store.GetPlanAsync(work.Turn.Conversation.TenantId, planId, cancellationToken);
        if (target is null)
        {
            work.InvokeResponse = new NoticeView("That plan does not exist here any more.", Tone.Problem);
            work.Reply(work.InvokeResponse);
        }

        return target;
    }
}
