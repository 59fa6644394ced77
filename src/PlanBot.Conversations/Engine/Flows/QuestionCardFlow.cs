using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Answers and skips pressed on question cards. Older cards stay in the chat and stay clickable, so
/// the card's own plan and question decide where its answer goes, never the conversation's current
/// position. An earlier question of the same draft is answered where the card asked it and the
/// conversation stays where it was; what can no longer be answered is refused with the reason, and
/// nothing changes.
/// </summary>
internal sealed class QuestionCardFlow(IConversationStore store, InterviewFlow interview)
{
    public Task AnswerAsync(TurnWork work, AnswerAction action, CancellationToken cancellationToken) =>
        ActAsync(work, action.PlanId, action.QuestionId, action.Text, skip: false, cancellationToken);

    public Task SkipAsync(TurnWork work, SkipAction action, CancellationToken cancellationToken) =>
        ActAsync(work, action.PlanId, action.QuestionId, string.Empty, skip: true, cancellationToken);

    private async Task ActAsync(TurnWork work, string? planId, string? questionId, string text, bool skip, CancellationToken cancellationToken)
    {
        if (planId is null || questionId is null)
        {
            // A card that does not name its question answers the open one, as typing does.
            await AsTypedAsync(work, text, skip, cancellationToken);
            return;
        }

        if (work.Active is not { } active || active.Document.Plan.Id != planId)
        {
            await RefuseOtherPlanAsync(work, planId, cancellationToken);
            return;
        }

        var session = work.Session;
        if (questionId == session.Cursor)
        {
            await AsTypedAsync(work, text, skip, cancellationToken);
            return;
        }

        var plan = active.Document.Plan;
        var question = PlanChecklist.Find(questionId);
        var refusal = question is null
            ? "That card asks a question the checklist no longer has."
            : plan.State switch
            {
                PlanState.Cancelled => $"The plan for {plan.Title} is cancelled. `plan {plan.Product} {plan.Version}` reopens it.",
                PlanState.InReview or PlanState.Approved => $"That card is from before the plan for {plan.Title} was submitted. To change an answer now, type `edit {(int)question.Section}`.",
                _ when session.AssignedOnly && session.EditingSection is int assigned && assigned != (int)question.Section =>
                    $"You were asked section {assigned} of this plan; that card's question belongs to section {(int)question.Section}.",
                _ => null,
            };
        if (refusal is not null)
        {
            ReplyStayingPut(work, plan, $"{refusal} Nothing was saved.", Tone.Problem);
            return;
        }

        var asked = $"question {PlanChecklist.IndexOf(question!.Id) + 1} (\"{question.Text}\")";
        if (skip)
        {
            ReplyStayingPut(work, plan, $"Nothing to skip: {asked} is not the open question, and it stays as it is.", Tone.Info);
            return;
        }

        if (await interview.RecordAsync(work, question, text, cancellationToken) is not { } unresolved)
        {
            return;
        }

        var saved = unresolved.Length == 0 ? $"Saved to {asked}." : $"Saved to {asked}. {unresolved}";
        ReplyStayingPut(work, active.Document.Plan, saved, Tone.Success);
    }

    private async Task AsTypedAsync(TurnWork work, string text, bool skip, CancellationToken cancellationToken)
    {
        if (work.Active is null)
        {
            work.Reply(Prompts.NoPlanYet("I'm not working on a plan in this conversation yet."));
        }
        else if (skip)
        {
            InterviewFlow.Skip(work);
        }
        else
        {
            await interview.AnswerAsync(work, text, cancellationToken);
        }
    }

    private async Task RefuseOtherPlanAsync(TurnWork work, string planId, CancellationToken cancellationToken)
    {
        // Tenant-scoped: a card carrying another tenant's plan id finds nothing.
        var carded = (await store.GetPlanAsync(work.Turn.Conversation.TenantId, planId, cancellationToken))?.Document.Plan;
        var current = work.Active is { } active ? $"this conversation now works on the plan for {active.Document.Plan.Title}" : "this conversation works on no plan now";
        var text = carded is null
            ? "That card's plan does not exist here any more. Nothing was saved."
            : $"That card belongs to the plan for {carded.Title}, and {current}. Nothing was saved: `plan {carded.Product} {carded.Version}` goes back to it.";
        if (work.Active is { } open)
        {
            ReplyStayingPut(work, open.Document.Plan, text, Tone.Problem);
            return;
        }

        work.Reply(new NoticeView(text, Tone.Problem));
    }

    /// <summary>Says <paramref name="text"/>, then asks the conversation's open question again, so it goes on where it was.</summary>
    private static void ReplyStayingPut(TurnWork work, Plan plan, string text, Tone tone)
    {
        if (work.Session.Cursor is { } cursor && PlanChecklist.Find(cursor) is { } open)
        {
            work.Reply(tone == Tone.Problem
                ? Prompts.Ask(work, plan, open, problem: text, note: "The open question is still this one.")
                : Prompts.Ask(work, plan, open, note: $"{text} Back to the open question:"));
            return;
        }

        work.Reply(new NoticeView(text, tone));
    }
}
