using System.Globalization;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Submission and decisions. Authority is read from the plan as stored at the moment of the click,
/// and a decision names the revision it approves, so a card shown before an edit cannot approve
/// what it did not show.
/// </summary>
public sealed partial class PlanEngine
{
    private async Task SubmitAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var active = work.Active!;
        var document = active.Document;
        var before = document.Plan;
        var submitted = before.Submit(work.From, work.Now);
        var channel = await ReleaseChannelAsync(work.Turn.Conversation.TenantId, before.Product, cancellationToken);
        if (channel is null)
        {
            work.Reply(new NoticeView(
                $"No release channel is set for {before.Product}, so there is nowhere to post the approval request. {HowToSetReleaseChannel(before.Product)} Then `submit` again.",
                Tone.Problem));
            return;
        }

        document.Plan = submitted;
        work.Touch(active);
        var plan = document.Plan;
        if (document.Posts.TryGetValue(ApprovalViews.PostKey, out var post))
        {
            work.Post(ApprovalViews.Build(plan, forApprover: false, now: work.Now), post.Thread, DeliveryMode.Update, post.ActivityId);
            work.Post(new NoticeView($"{work.From} submitted revision {plan.Revision} of the plan again. Please review it.", Tone.Info, plan.Approvers), post.Thread, DeliveryMode.Reply);
        }
        else
        {
            work.Post(ApprovalViews.Build(plan, forApprover: false, now: work.Now), channel.Channel, DeliveryMode.NewThread, postKey: ApprovalViews.PostKey);
        }

        work.Reply(new NoticeView(
            $"Submitted the plan for {plan.Title} (revision {plan.Revision}) for approval. The request is posted in the release channel; approvers: {string.Join(", ", plan.Approvers)} ({(plan.Quorum == Quorum.All ? "all must approve" : "one approval is enough")}).",
            Tone.Success));
    }

    private async Task HandleActionAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var action = work.Turn.Action!;
        switch (action.Verb)
        {
            case "answer" or "skip":
                await AnswerFromCardAsync(work, action, skip: action.Verb == "skip", cancellationToken);
                return;
            case "approve" or "reject" or "refreshView":
                var target = await PlanForActionAsync(work, action.Get("planId"), cancellationToken);
                if (target is null)
                {
                    work.InvokeResponse = new NoticeView("That plan does not exist here any more.", Tone.Problem);
                    work.Reply(work.InvokeResponse);
                    return;
                }

                if (action.Verb == "refreshView")
                {
                    var plan = target.Document.Plan;
                    work.InvokeResponse = ApprovalViews.Build(plan, forApprover: plan.IsApprover(work.From), now: work.Now);
                    return;
                }

                var revision = int.TryParse(action.Get("revision"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1;
                var verdict = action.Verb == "approve" ? Verdict.Approve : Verdict.Reject;
                Decide(work, target, verdict, action.Get("reason"), revision, fromCard: true);
                return;
            default:
                work.InvokeResponse = new NoticeView("That button is not something I can act on here. Type `help` to see what I can do.", Tone.Problem);
                work.Reply(work.InvokeResponse);
                return;
        }
    }

    private void Decide(TurnWork work, Versioned<PlanDocument> target, Verdict verdict, string? reason, int revision, bool fromCard)
    {
        var document = target.Document;
        var plan = document.Plan;
        string? refusal = null;
        if (!plan.IsApprover(work.From))
        {
            refusal = plan.Approvers.Count == 0
                ? "This plan names no approvers yet (section 5), so nobody can decide on it."
                : $"Only the approvers named in section 5 may approve or reject this plan: {string.Join(", ", plan.Approvers)}. Nothing was recorded.";
        }
        else if (plan.State is not (PlanState.InReview or PlanState.Approved))
        {
            refusal = $"The plan for {plan.Title} is {Plan.Describe(plan.State)}; decisions are taken once it is submitted.";
        }
        else if (revision != plan.Revision)
        {
            refusal = $"The plan changed since this was shown to you (revision {revision} then, {plan.Revision} now). Review the current plan and decide again.";
        }
        else if (verdict == Verdict.Reject && string.IsNullOrWhiteSpace(reason))
        {
            refusal = fromCard ? "A rejection needs a reason: type it in the reason box, then Reject." : "A rejection needs a reason: `reject <reason>`.";
        }

        if (refusal is not null)
        {
            var view = new NoticeView(refusal, Tone.Problem);
            work.Reply(view);
            work.InvokeResponse = ApprovalViews.Build(plan, forApprover: plan.IsApprover(work.From), refusal, now: work.Now);
            return;
        }

        var before = plan;
        document.Plan = before.Decide(work.From, verdict, reason, work.Now);
        if (ReferenceEquals(document.Plan, before))
        {
            var already = $"Your {(verdict == Verdict.Approve ? "approval" : "rejection")} of revision {plan.Revision} is already recorded.";
            work.InvokeResponse = ApprovalViews.Build(plan, forApprover: true, already, now: work.Now);
            if (!fromCard)
            {
                work.Reply(new NoticeView(already, Tone.Info));
            }

            return;
        }

        work.Touch(target);
        var after = document.Plan;
        var outcome = after.State switch
        {
            PlanState.Approved => $" The plan for {after.Title} is approved: ready for production.",
            PlanState.Rejected => $" The plan for {after.Title} is rejected and goes back to {after.Owner} as a draft on the next change.",
            _ => string.Empty,
        };
        var what = verdict == Verdict.Approve
            ? $"{work.From} approved revision {after.Revision}.{outcome}"
            : $"{work.From} rejected revision {after.Revision}: {reason!.Trim()}.{outcome}";
        if (document.Posts.TryGetValue(ApprovalViews.PostKey, out var post))
        {
            work.Post(ApprovalViews.Build(after, forApprover: false, now: work.Now), post.Thread, DeliveryMode.Update, post.ActivityId);
            if (post.Thread.ConversationId != work.Turn.Conversation.ConversationId || fromCard)
            {
                work.Post(new NoticeView(what, verdict == Verdict.Approve ? Tone.Success : Tone.Warning), post.Thread, DeliveryMode.Reply);
            }
        }

        TellOwner(work, after, new NoticeView(what, verdict == Verdict.Approve ? Tone.Success : Tone.Warning));
        work.InvokeResponse = ApprovalViews.Build(after, forApprover: true, what, now: work.Now);
        if (!fromCard)
        {
            work.Reply(new NoticeView(what, verdict == Verdict.Approve ? Tone.Success : Tone.Warning));
        }
    }

    /// <summary>
    /// After the plan's content changed: the approval card follows the change, and approvers whose
    /// decision went stale are told in the thread.
    /// </summary>
    private static void OnPlanChanged(TurnWork work, PlanDocument document, Plan before)
    {
        var after = document.Plan;
        if (document.Posts.TryGetValue(SummaryPostKey, out var summary) && !document.Posts.ContainsKey(ApprovalViews.PostKey))
        {
            work.Post(PlanSummaries.Build(after, full: false, work.Now), summary.Thread, DeliveryMode.Update, summary.ActivityId);
        }

        if (!document.Posts.TryGetValue(ApprovalViews.PostKey, out var post))
        {
            return;
        }

        work.Post(ApprovalViews.Build(after, forApprover: false, now: work.Now), post.Thread, DeliveryMode.Update, post.ActivityId);
        var wentStale = before.Decisions.Any(d => !d.Stale) && !after.Decisions.Any(d => !d.Stale);
        if (wentStale)
        {
            work.Post(
                new NoticeView($"{work.From} changed the plan for {after.Title} after review; earlier decisions are stale. Please review revision {after.Revision} again.", Tone.Warning, after.Approvers),
                post.Thread,
                DeliveryMode.Reply);
            var stale = new NoticeView($"{work.From} changed the plan for {after.Title} after review, so its earlier decisions are stale; the approvers are asked to review revision {after.Revision} again.", Tone.Warning);
            if (after.IsOwner(work.From))
            {
                work.Reply(stale);
            }
            else
            {
                TellOwner(work, after, stale);
            }
        }
    }

    private async Task<Versioned<PlanDocument>?> PlanForActionAsync(TurnWork work, string? planId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(planId))
        {
            return work.Active;
        }

        if (work.Active is { } active && active.Document.Plan.Id == planId)
        {
            return active;
        }

        // Tenant-scoped: a card carrying another tenant's plan id finds nothing.
        return await store.GetPlanAsync(work.Turn.Conversation.TenantId, planId, cancellationToken);
    }
}
