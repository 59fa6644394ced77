using System.Globalization;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Reminders;

/// <summary>A reminder ready to send: what, where, and how.</summary>
public sealed record ReminderMessage(View View, ConversationRef To, DeliveryMode Mode, PersonRef? Recipient = null);

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
        return subject.Assignment is { } assignment ? ForAssignee(document, assignment, now) : ForApprovers(document, subject, now);
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
        var open = PlanChecklist.In(assignment.Section).Where(q => plan.AnswerTo(q.Id) is null or { IsUnconfirmed: true }).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var section = SectionInfo.Of(assignment.Section);
        var note = $"Reminder: {plan.Owner} asked you {Waited(now - assignment.At)} ago to answer section {section.Number}, {section.Title}, of the deployment plan for {plan.Title}; "
            + $"{Count(open.Count, "question")} still open. Reply here to answer; `skip` leaves a question to {plan.Owner}.";
        var view = Interview.Ask(plan, open[0], note: note);
        if (document.Posts.TryGetValue(PostRegistry.AssignmentKey(assignment.Section), out var chat))
        {
            PositionAssignee(document, chat.Thread, assignment.Section, open[0].Id);
            return new ReminderMessage(view, chat.Thread, DeliveryMode.Reply);
        }

        // The first request never reached them (or was sent before chats were recorded): open the chat again.
        var known = document.Sessions.Values.Select(s => s.Reference).FirstOrDefault(r => r is not null);
        return known is null
            ? null
            : new ReminderMessage(view, known with { ConversationId = string.Empty, Kind = ConversationKind.Personal }, DeliveryMode.Direct, assignment.Assignee);
    }

    private static ReminderMessage? ForApprovers(PlanDocument document, ReminderSubject subject, DateTimeOffset now)
    {
        var plan = document.Plan;
        var awaiting = plan.AwaitingDecision();
        if (awaiting.Count == 0 || !document.Posts.TryGetValue(ApprovalViews.PostKey, out var request))
        {
            return null;
        }

        var text = $"Reminder: revision {plan.Revision} of the deployment plan for {plan.Title} has waited {Waited(now - subject.Since)} for a decision from {string.Join(", ", awaiting)}. Approve or reject it on the card above.";
        return new ReminderMessage(new NoticeView(text, Tone.Info, awaiting), request.Thread, DeliveryMode.Reply);
    }

    /// <summary>The assignee's chat answers their section again, from its next open question.</summary>
    private static void PositionAssignee(PlanDocument document, ConversationRef chat, Section section, string questionId)
    {
        if (!document.Sessions.TryGetValue(chat.Key, out var session))
        {
            session = new ConversationSession { Reference = chat };
            document.Sessions[chat.Key] = session;
        }

        session.Attached = true;
        session.AssignedOnly = true;
        session.EditingSection = (int)section;
        session.Cursor = questionId;
        session.Skipped.RemoveAll(id => PlanChecklist.Get(id).Section == section);
    }

    private static string Count(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? string.Empty : "s")}");
}
