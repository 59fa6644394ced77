using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Reminders;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Sessions;

/// <summary>
/// Contributors in Slack: a section handed to a developer is asked in a direct message, answered
/// there in their name, and reminded there when it stays open.
/// </summary>
public sealed class AssignAndRemindTests : HostTestBase
{
    private const string DeveloperDm = "D0DEV";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartAsync();
    }

    [Fact]
    public async Task An_assignee_is_asked_by_direct_message_reminded_there_a_day_later_and_answers_there()
    {
        await Session.CommandAsync("Contoso.Web 2.5");

        var sent = await Session.SayAsync($"assign 6 <@{SlackPayloads.Developer}>");

        Assert.True(sent.Any(m => m.Channel == SlackPayloads.OwnerDm && m.Shows("Assigned section 6, Delivery team, to Diego Siciliani")), string.Join("\n---\n", sent.Select(m => $"{m.Method} {m.Channel}: {m.Readable}")));
        var asked = Assert.Single(sent, m => m.Channel == SlackPayloads.Developer);
        Assert.True(asked.Shows(PlanChecklist.Get("delivery-team").Text), asked.Readable);
        Assert.True(asked.Shows("Alex Wilber asked you to answer section 6"), asked.Readable);

        // A day later (the worker's clock runs a day ahead of the host's): one reminder, in the developer's direct message.
        var before = Slack.LastSequence;
        Assert.Equal(1, await Worker(DateTimeOffset.UtcNow.AddDays(1).AddMinutes(1)).RunOnceAsync(CancellationToken.None));
        var reminder = Assert.Single(Slack.Messages(before));
        Assert.Equal(DeveloperDm, reminder.Channel);
        Assert.True(reminder.Shows("Reminder: Alex Wilber asked you 1 day ago to answer section 6, Delivery team"), reminder.Readable);
        Assert.True(reminder.Shows(PlanChecklist.Get("delivery-team").Text), reminder.Readable);

        var answered = await Session.SayAsync($"<@{SlackPayloads.Approver}>", SlackPayloads.Developer, DeveloperDm);

        var next = Assert.Single(answered);
        Assert.Equal(DeveloperDm, next.Channel);
        Assert.True(next.Shows(PlanChecklist.Get("delivery-contacts").Text), next.Readable);
        var plan = (await Store.FindPlanAsync($"slack:{SlackPayloads.TeamId}", "Contoso.Web", "2.5", CancellationToken.None))!.Document.Plan;
        Assert.Equal(SlackPayloads.Developer, plan.AnswerTo("delivery-team")!.Provenance.AnsweredBy.Id);
        Assert.Equal([SlackPayloads.Approver], plan.AnswerTo("delivery-team")!.Value.People!.Select(p => p.Id));
    }

    private IConversationStore Store => Host.Services.GetRequiredService<IConversationStore>();

    private ReminderWorker Worker(DateTimeOffset now) => new(
        Store,
        new SlackChannels(Host.Services.GetRequiredService<SlackReplyChannel>()),
        Host.Services.GetRequiredService<DeliveryLedger>(),
        new EngineOptions(),
        new ShiftedTimeProvider(now),
        NullLogger<ReminderWorker>.Instance);

    private sealed class SlackChannels(SlackReplyChannel slack) : IReplyChannels
    {
        public IReplyChannel? For(string channel) => channel == "slack" ? slack : null;
    }
}
