using System.Globalization;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Reminders;

/// <summary>A reminder ready to send, and the conversation (a personal chat, a thread) it goes into.</summary>
public sealed record ReminderMessage(View View, ConversationRef To);

/// <summary>
/// What a reminder says and where it goes. An assignee is reminded in the personal chat where
/// they were asked, with the section's next open question, so a reply there answers it. Approvers
/// are reminded in the approval request's thread, @mentioned.
/// </summary>
public static class ReminderMessages
{
    /// <summary>The message for <paramref name="subject"/>, or null when there is nowhere to send it.</summary>
    public static ReminderMessage? For(PlanDocument document, ReminderSubject subject, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(subject);
        return subject switch
        {
            { Assignment: { } assignment } => ForAssignee(document, assignment, now),
            { Kind: ReminderKind.Waiting } => ForApprovers(document, subject, now),
            _ => WindowReminders.For(document, subject, now),
        };
    }

    public static string Waited(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => Count((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } => Count((int)span.TotalHours, "hour"),
        _ => Count(Math.Max(1, (int)span.TotalMinutes), "minute"),
    };

    private static ReminderMessage? ForAssignee(PlanDocument document, Domain.Plans.Assignment assignment, DateTimeOffset now)
    {
        var plan = document.Plan;
        var open = plan.OpenQuestions(assignment.Section);
        if (open.Count == 0)
        {
            return null;
        }

        var section = SectionInfo.Of(assignment.Section);
        var note = $"Reminder: {plan.Owner} asked you {Waited(now - assignment.At)} ago to answer section {section.Number}, {section.Title}, of the deployment plan for {plan.Title}; "
            + $"{Count(open.Count, "question")} still open. Reply here to answer; `skip` leaves a question to {plan.Owner}.";
        // The chat is recorded once the first request reached the assignee; until then there is nowhere to remind them.
        if (!document.Posts.TryGetValue(PostKeys.Assignment(assignment.Section), out var chat))
        {
            return null;
        }

        PositionAssignee(document, chat.Thread, assignment.Section, open[0].Id);
        return new ReminderMessage(Interview.Ask(plan, open[0], note: note), chat.Thread);
    }

    private static ReminderMessage? ForApprovers(PlanDocument document, ReminderSubject subject, DateTimeOffset now)
    {
        var plan = document.Plan;
        var awaiting = plan.AwaitingDecision();
        if (awaiting.Count == 0 || !document.Posts.TryGetValue(PostKeys.Approval, out var request))
        {
            return null;
        }

        var text = $"Reminder: revision {plan.Revision} of the deployment plan for {plan.Title} has waited {Waited(now - subject.Since)} for a decision from {string.Join(", ", awaiting)}. Approve or reject it on the card above.";
        return new ReminderMessage(new NoticeView(text, Tone.Info, awaiting), request.Thread);
    }

    /// <summary>The assignee's chat answers their section again, from its next open question.</summary>
    private static void PositionAssignee(PlanDocument document, ConversationRef chat, Section section, string questionId)
    {
        if (!document.Sessions.TryGetValue(chat.Key, out var session))
        {
            session = new ConversationSession { Reference = chat };
            document.Sessions[chat.Key] = session;
        }

        session.AnswerAssignedSection((int)section, questionId);
        session.Skipped.RemoveAll(id => PlanChecklist.Get(id).Section == section);
    }

    private static string Count(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}");
}
