using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>Where the interview goes after a question is settled: the next question, an assignee's thanks, or the end.</summary>
internal static class Progress
{
    /// <summary>
    /// After <paramref name="done"/> was answered or confirmed: the next question, with
    /// <paramref name="note"/>; an assignee's thanks at the end of their section (and word to the
    /// owner); or, at the end, the plan's summary (with <paramref name="warning"/> before it).
    /// </summary>
    public static void MoveOn(TurnWork work, Question done, string note, string? warning = null)
    {
        var plan = work.Active!.Document.Plan;
        var session = work.Session;
        var editing = session.EditingSection;
        var next = Interview.Next(plan, session, done.Id);
        session.Cursor = next?.Id;
        if (session.AssignedOnly && editing is int section && session.EditingSection is null)
        {
            // An assignee answers the section handed to them, not the rest of the plan.
            session.Cursor = null;
            session.AssignedOnly = false;
            var title = SectionInfo.Of((Section)section).Title;
            work.Reply(new NoticeView($"Thank you: that completes section {section}, {title}, of the plan for {plan.Title}.", Tone.Success));
            PlanNotices.TellOwner(work, plan, new NoticeView($"{work.From} completed section {section}, {title}, of the plan for {plan.Title}.", Tone.Success));
            return;
        }

        if (next is not null)
        {
            var said = editing is int edited && session.EditingSection is null
                ? $"{note} Section {edited} is done; back to the open questions."
                : note;
            work.Reply(Prompts.Ask(work, plan, next, note: said));
            return;
        }

        if (warning is not null)
        {
            work.Reply(new NoticeView(warning, Tone.Warning));
        }

        Finish(work, plan);
    }

    /// <summary>No question left to ask here: how complete the plan is, what it waits for, and its summary.</summary>
    public static void Finish(TurnWork work, Plan plan)
    {
        work.Session.Cursor = null;
        var completeness = plan.Completeness();
        var text = completeness.Missing.Count == 0
            ? $"That was the last question: the plan for {plan.Title} is {completeness.Percent}% complete. Type `submit` to send it to its approvers."
            : $"That was the last open question. {completeness.Missing.Count} question(s) are still open: `edit <section>` answers them, `status` lists them.";
        if (plan.OpenAssignments() is { Count: > 0 } waiting)
        {
            text = $"{text} Waiting on {string.Join(", ", waiting.Select(a => $"section {(int)a.Section} ({a.Assignee})"))}; they are reminded if it stays open.";
        }

        work.Reply(new NoticeView(text, Tone.Success));
        var submittable = completeness.IsComplete && plan.IsOwner(work.From) && plan.State is PlanState.Draft or PlanState.Rejected;
        work.Reply(PlanSummaries.Build(plan, full: false, work.Now) with { CanSubmit = submittable, OffersSections = !submittable && plan.State is PlanState.Draft or PlanState.Rejected });
    }
}
