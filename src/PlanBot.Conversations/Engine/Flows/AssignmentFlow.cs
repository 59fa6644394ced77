using PlanBot.Conversations.Reminders;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Contributors (OpenUP: developers draft parts of the plan): the owner hands a section to a
/// developer (<c>assign 6 @Megan</c>); the developer is asked its questions in a personal chat, their
/// answers carry their name, and the plan's summary in the release channel follows as sections complete.
/// </summary>
internal sealed class AssignmentFlow(EngineOptions options, PeopleLookup people, ReleaseChannels channels, SectionFormFlow forms)
{
    public async Task AssignAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var active = work.Active!;
        var plan = active.Document.Plan;
        var split = arguments.IndexOf(' ', StringComparison.Ordinal);
        var section = split < 0 ? null : SectionInfo.Find(arguments[..split]);
        if (section is null)
        {
            work.Reply(new NoticeView("Name a section and a person: `assign <section> @person`, for example `assign 6 @Megan` or `assign delivery megan@contoso.com`.", Tone.Problem));
            return;
        }

        var (assignee, problem) = await people.OneAsync(work, arguments[(split + 1)..], "Assign a section to one person at a time.", $"assign {section.Number} @name", cancellationToken);
        if (assignee is null)
        {
            work.Reply(new NoticeView(problem!, Tone.Problem));
            return;
        }

        active.Document.Plan = plan.Assign(section.Section, assignee, work.From, work.Now);
        work.Touch(active);
        work.Post(
            forms.FormFor(work, active.Document.Plan, section.Section,
                $"{work.From} asked you to answer section {section.Number}, {section.Title}, of the deployment plan for {plan.Title}. Your answers carry your name; an answer left empty stays with them."),
            work.PersonalChat,
            DeliveryMode.Direct,
            postKey: PostKeys.Assignment(section.Section),
            recipient: assignee);
        await PostSummaryToReleaseChannelAsync(work, active.Document, cancellationToken);
        var reminder = options.MaxReminders > 0 ? $" If it is still open in {ReminderMessages.Waited(options.ReminderDelay)}, I'll remind them." : string.Empty;
        work.Reply(new NoticeView($"Assigned section {section.Number}, {section.Title}, to {assignee}; I've asked them its questions in a personal chat.{reminder}", Tone.Success));
        MovePastAssignedSection(work, section.Section);
    }

    /// <summary>The owner's interview was inside the section just handed out: it moves on to the next open question.</summary>
    private static void MovePastAssignedSection(TurnWork work, Section section)
    {
        var session = work.Session;
        if (session.AssignedOnly || session.EditingSection is not null
            || session.Cursor is not { } cursor || PlanChecklist.Get(cursor).Section != section)
        {
            return;
        }

        var plan = work.Active!.Document.Plan;
        var next = Interview.Next(plan, session, cursor);
        session.Cursor = next?.Id;
        if (next is not null)
        {
            work.Reply(Prompts.Ask(work, plan, next, note: "Meanwhile, the next open question for you:"));
        }
    }

    /// <summary>Once sections are handed out, the release channel shows the plan's progress, kept up to date.</summary>
    private async Task PostSummaryToReleaseChannelAsync(TurnWork work, PlanDocument document, CancellationToken cancellationToken)
    {
        if (document.Posts.ContainsKey(PostKeys.Summary) || document.Posts.ContainsKey(PostKeys.Approval))
        {
            return;
        }

        if (await channels.FindAsync(work.Turn.Conversation.TenantId, document.Plan.Product, cancellationToken) is { } channel)
        {
            work.Post(PlanSummaries.Build(document.Plan, full: false, work.Now), channel.Channel, DeliveryMode.NewThread, postKey: PostKeys.Summary);
        }
    }
}
