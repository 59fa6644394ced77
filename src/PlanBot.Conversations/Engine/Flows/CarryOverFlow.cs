using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Updating a plan from its baseline (OpenUP step 3): each carried-over answer is kept for this
/// release, changed by typing a new one, or removed, until the plan describes this release only.
/// </summary>
internal static class CarryOverFlow
{
    public static void Keep(TurnWork work)
    {
        var document = work.Active!.Document;
        if (work.Session.Cursor is not { } current || document.Plan.AnswerTo(current) is not { IsUnconfirmed: true })
        {
            work.Reply(new NoticeView("There is no carried-over answer to keep here. Type a new answer, or `status` to see what is left.", Tone.Info));
            return;
        }

        var before = document.Plan;
        document.Plan = before.Confirm(current, work.From, work.Turn.Conversation.Channel, work.Now);
        work.Touch(work.Active);
        PlanNotices.PlanChanged(work, document, before);
        Progress.MoveOn(work, PlanChecklist.Get(current), "Kept for this release.");
    }

    public static void Remove(TurnWork work)
    {
        var document = work.Active!.Document;
        if (work.Session.Cursor is not { } current || document.Plan.AnswerTo(current) is null)
        {
            work.Reply(new NoticeView("There is no answer to remove here.", Tone.Info));
            return;
        }

        var before = document.Plan;
        document.Plan = before.WithoutAnswer(current, work.From, work.Now);
        work.Touch(work.Active);
        PlanNotices.PlanChanged(work, document, before);
        work.Reply(Prompts.Ask(work, document.Plan, PlanChecklist.Get(current), note: "Removed. Type this release's answer, or `skip` to leave it open."));
    }
}
