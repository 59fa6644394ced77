using System.Globalization;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Reminders;

/// <summary>
/// What the deployment window's reminders say, in the plan's approval thread: decisions still missing
/// as it nears (the approvers and the owner @mentioned, more urgently an hour before), the window
/// opened without an approval, or opened on an approved plan nobody has started deploying.
/// </summary>
internal static class WindowReminders
{
    /// <summary>A reminder about a moment long gone (a plan stored with an old window) says nothing.</summary>
    private static readonly TimeSpan StillNews = TimeSpan.FromHours(12);

    public static ReminderMessage? For(PlanDocument document, ReminderSubject subject, DateTimeOffset now)
    {
        var plan = document.Plan;
        if (!document.Posts.TryGetValue(PostKeys.Approval, out var request)
            || plan.AnswerTo("deployment-window")?.Value.WindowStartUtc is not { } opens)
        {
            return null;
        }

        var at = opens.ToString("ddd d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var awaiting = plan.AwaitingDecision();
        NoticeView? notice = subject.Kind switch
        {
            ReminderKind.WindowNear when now < opens - ReminderSchedule.Imminent && awaiting.Count > 0 => new NoticeView(
                $"The deployment window of {plan.Title} opens in {ReminderMessages.Waited(opens - now)} ({at}), and revision {plan.Revision} still waits for a decision from {string.Join(", ", awaiting)}. Approve or reject it on the card above.",
                Tone.Info,
                WithOwner(awaiting, plan)),
            ReminderKind.WindowImminent when now < opens && awaiting.Count > 0 => new NoticeView(
                $"Urgent: the deployment window of {plan.Title} opens in {ReminderMessages.Waited(opens - now)} ({at}) and the plan is not approved. Still to decide: {string.Join(", ", awaiting)}.",
                Tone.Warning,
                WithOwner(awaiting, plan)),
            ReminderKind.WindowPassed when now - opens < StillNews => new NoticeView(
                $"The deployment window of {plan.Title} opened at {at} without an approved plan ({PlanWordingState(plan)}). Agree a new window and change section 2 (`edit 2`), or cancel the release.",
                Tone.Warning,
                [plan.Owner]),
            ReminderKind.WindowOpen when now - opens < StillNews => new NoticeView(
                $"The deployment window of {plan.Title} is open ({at}). The run sheet: {RunSheet(plan)} When the deployment begins, type `start deployment`: the run sheet is posted here with a Done and a Problem button for each step.",
                Tone.Info,
                WithOwner(plan.DeliveryTeam(), plan)),
            _ => null,
        };
        return notice is null ? null : new ReminderMessage(notice, request.Thread);
    }

    /// <summary>The run sheet's steps in order, on one line: "1. database on sql-1; 2. api on api-1 after database."</summary>
    private static string RunSheet(Plan plan)
    {
        var steps = plan.RunSheetSteps();
        return steps.Count == 0
            ? "section 2 gives no order of components."
            : string.Join("; ", steps.Select((s, i) => $"{i + 1}. {s.Component}{(s.Nodes.Count == 0 ? string.Empty : $" on {string.Join(", ", s.Nodes)}")}{(s.After.Count == 0 ? string.Empty : $" after {string.Join(", ", s.After)}")}")) + ".";
    }

    private static IReadOnlyList<PersonRef> WithOwner(IReadOnlyList<PersonRef> people, Plan plan) =>
        people.Any(p => p.SameAs(plan.Owner)) ? people : [.. people, plan.Owner];

    private static string PlanWordingState(Plan plan) => plan.State switch
    {
        PlanState.Rejected => "it was rejected",
        PlanState.Draft => "it is a draft",
        _ => $"revision {plan.Revision} still waits for {string.Join(", ", plan.AwaitingDecision())}",
    };
}
