using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>Who hears of a change to a plan without asking: the posts about it elsewhere, its approvers and its owner.</summary>
internal static class PlanNotices
{
    /// <summary>
    /// After the plan's content changed: the summary or approval card follows the change, and when
    /// decisions went stale the approvers are told in the thread and the owner is told too.
    /// </summary>
    public static void PlanChanged(TurnWork work, PlanDocument document, Plan before)
    {
        var after = document.Plan;
        if (document.Posts.TryGetValue(PostKeys.Summary, out var summary) && !document.Posts.ContainsKey(PostKeys.Approval))
        {
            work.Post(PlanSummaries.Build(after, full: false, work.Now), summary.Thread, DeliveryMode.Update, summary.ActivityId);
        }

        if (!document.Posts.TryGetValue(PostKeys.Approval, out var post))
        {
            return;
        }

        work.Post(ApprovalViews.Build(document, forApprover: false, now: work.Now), post.Thread, DeliveryMode.Update, post.ActivityId);
        var wentStale = before.Decisions.Any(d => !d.Stale) && !after.Decisions.Any(d => !d.Stale);
        if (!wentStale)
        {
            return;
        }

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

    /// <summary>
    /// Tells the plan's owner in their personal chat (a decision, a finished section), unless the owner
    /// is the one acting here and sees the turn's own replies.
    /// </summary>
    public static void TellOwner(TurnWork work, Plan plan, NoticeView notice)
    {
        if (plan.Owner.SameAs(work.From) || !plan.Owner.IsResolved)
        {
            return;
        }

        work.Post(notice, work.PersonalChat, DeliveryMode.Direct, recipient: plan.Owner);
    }
}
