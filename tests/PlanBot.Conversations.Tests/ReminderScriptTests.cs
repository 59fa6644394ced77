using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Reminders;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Reminders about assigned sections left unanswered and plans waiting for their approvers: sent
/// after the configured delay, once however many hosts look, and taken over when the host that
/// claimed one died before sending it.
/// </summary>
public sealed class ReminderScriptTests
{
    private readonly BotWorld world = new();

    public ReminderScriptTests()
    {
        world.Options.ReminderDelay = TimeSpan.FromHours(24);
        world.Options.MaxReminders = 2;
    }

    [Fact]
    public async Task An_unanswered_assignment_is_reminded_once_by_two_hosts_looking_at_the_same_moment()
    {
        var dana = await PlanWithSection6AssignedToMegan();
        var first = world.Bot;
        var second = world.NewHost();
        // Both hosts read the plan before either writes, so both try to claim the reminder.
        world.Store.Latency = TimeSpan.FromMilliseconds(20);

        world.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, (await Task.WhenAll(first.Reminders.RunOnceAsync(default), second.Reminders.RunOnceAsync(default))).Sum());

        world.Clock.Advance(TimeSpan.FromHours(1));
        var sent = await Task.WhenAll(first.Reminders.RunOnceAsync(default), second.Reminders.RunOnceAsync(default));

        Assert.Equal(1, sent.Sum());
        var reminder = Assert.Single(first.ReminderChannel.Sent.Concat(second.ReminderChannel.Sent));
        Assert.Equal(RecordingReplyChannel.DirectChatId(TestPeople.Megan), reminder.To.ConversationId);
        Assert.StartsWith("question delivery-team (", reminder.Heading, StringComparison.Ordinal);
        Assert.Contains("Reminder: Dana Owner asked you 1 day ago to answer section 6, Delivery team", reminder.Text, StringComparison.Ordinal);
        Assert.Contains("2 questions still open", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(1, Plan().Reminders.Values.Single().Count);

        // Looking again at the same moment finds nothing more to send.
        Assert.Equal(0, (await Task.WhenAll(first.Reminders.RunOnceAsync(default), second.Reminders.RunOnceAsync(default))).Sum());
        dana.ExpectNoReplyContaining("Reminder");
    }

    [Fact]
    public async Task Reminders_repeat_at_the_delay_up_to_the_maximum_then_stop()
    {
        await PlanWithSection6AssignedToMegan();

        var sent = new List<int>();
        for (var day = 1; day <= 4; day++)
        {
            world.Clock.Advance(TimeSpan.FromDays(1));
            sent.Add(await world.Bot.Reminders.RunOnceAsync(default));
            await SweepAsync(world.Bot);
        }

        Assert.Equal([1, 1, 0, 0], sent);
        Assert.Contains("asked you 2 days ago", world.Bot.ReminderChannel.Sent[^1].Text, StringComparison.Ordinal);
        Assert.Null(Plan().RemindAt);
    }

    [Fact]
    public async Task A_reply_to_the_reminder_answers_the_section_and_stops_the_reminders()
    {
        await PlanWithSection6AssignedToMegan();
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.Bot.Reminders.RunOnceAsync(default);
        await SweepAsync(world.Bot);
        var reminder = world.Bot.ReminderChannel.Sent.Single();

        var megan = new ChatScript(world, world.Bot, TestPeople.Megan, reminder.To);
        var (team, mentions) = SampleAnswers.For(PlanChecklist.Get("delivery-team"), world.Now);
        await megan.Send(team, mentions);
        await megan.AnswerValidly("delivery-contacts", world.Now);

        megan.ExpectReplyContaining("that completes section 6");
        Assert.Equal(TestPeople.Megan, Plan().Plan.AnswerTo("delivery-contacts")!.Provenance.AnsweredBy);
        Assert.Null(Plan().RemindAt);
        world.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await world.Bot.Reminders.RunOnceAsync(default));
    }

    [Fact]
    public async Task A_reminder_whose_host_died_before_sending_is_sent_by_another_host_after_the_grace()
    {
        await PlanWithSection6AssignedToMegan();
        var dying = world.Bot;
        var other = world.NewHost();
        dying.ReminderChannel.FailSends = true;

        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dying.Reminders.RunOnceAsync(default));
        Assert.Single(Plan().ReminderOutbox);

        // Still within the grace: the claiming host may yet send it, so the other leaves it alone.
        Assert.Equal(0, await other.Reminders.RunOnceAsync(default));
        world.Clock.Advance(world.Options.OwedReplyGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await other.Reminders.RunOnceAsync(default));
        await SweepAsync(other);

        Assert.Single(other.ReminderChannel.Sent);
        Assert.Empty(dying.ReminderChannel.Sent);
        Assert.Empty(Plan().ReminderOutbox);
        Assert.Equal(1, Plan().Reminders.Values.Single().Count);
    }

    [Fact]
    public async Task A_host_that_does_not_serve_the_channel_leaves_a_claimed_reminder_to_one_that_does()
    {
        await PlanWithSection6AssignedToMegan();
        world.Bot.ReminderChannel.FailSends = true;
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.Bot.Reminders.RunOnceAsync(default);
        world.Clock.Advance(world.Options.OwedReplyGrace + TimeSpan.FromSeconds(1));
        var teamsLess = new ReminderWorker(world.Store, new NoReplyChannels(), new DeliveryLedger(), world.Options, world.Clock, NullLogger<ReminderWorker>.Instance);

        Assert.Equal(0, await teamsLess.RunOnceAsync(default));
        Assert.Single(Plan().ReminderOutbox);

        var serving = world.NewHost();
        Assert.Equal(1, await serving.Reminders.RunOnceAsync(default));
        Assert.Single(serving.ReminderChannel.Sent);
    }

    [Fact]
    public async Task A_plan_waiting_for_approval_reminds_the_approvers_who_have_not_decided_in_the_request_thread()
    {
        var dana = world.Chat(TestPeople.Dana);
        await world.InChannel(TestPeople.Dana).Send("channel set Contoso.Web");
        await dana.Send("plan Contoso.Web 2.5");
        await dana.AnswerUpTo(null, world.Now);
        await dana.Send("quorum all");
        await dana.Send("submit");
        dana.ExpectReplyContaining("Submitted the plan for Contoso.Web");
        var request = Plan().Posts["approval"];

        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.5");
        await megan.Send("approve");
        world.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await world.Bot.Reminders.RunOnceAsync(default));

        var reminder = Assert.Single(world.Bot.ReminderChannel.Sent);
        Assert.Equal(request.Thread, reminder.To);
        Assert.Equal(DeliveryMode.Reply, reminder.Reply.Mode);
        Assert.Contains("has waited 1 day for a decision from Alex Wilber.", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan", reminder.Text, StringComparison.Ordinal);
        await SweepAsync(world.Bot);

        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.5");
        await alex.Send("approve");

        // Nothing waits for a decision any more: what comes next is the deployment window opening.
        Assert.Equal(Plan().Plan.AnswerTo("deployment-window")!.Value.WindowStartUtc, Plan().RemindAt);
    }

    [Fact]
    public async Task Reassigning_a_section_starts_its_reminders_afresh()
    {
        var dana = await PlanWithSection6AssignedToMegan();
        world.Clock.Advance(TimeSpan.FromDays(1));
        await world.Bot.Reminders.RunOnceAsync(default);
        await SweepAsync(world.Bot);

        world.Clock.Advance(TimeSpan.FromHours(12));
        await dana.Send($"assign 6 {TestPeople.MentionOf(TestPeople.Alex).Markup}", TestPeople.MentionOf(TestPeople.Alex));
        var assigned = world.Now;

        var document = Plan();
        Assert.Empty(document.Reminders);
        Assert.Equal(assigned + world.Options.ReminderDelay, document.RemindAt);
    }

    [Fact]
    public async Task No_reminders_are_scheduled_when_they_are_turned_off()
    {
        world.Options.MaxReminders = 0;
        await PlanWithSection6AssignedToMegan(remindersOn: false);

        Assert.Null(Plan().RemindAt);
        world.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await world.Bot.Reminders.RunOnceAsync(default));
    }

    [Fact]
    public async Task A_store_outage_while_looking_for_reminders_sends_nothing_and_loses_nothing()
    {
        await PlanWithSection6AssignedToMegan();
        world.Clock.Advance(TimeSpan.FromDays(1));
        world.Store.Unavailable = true;

        Assert.Equal(0, await world.Bot.Reminders.RunOnceAsync(default));

        world.Store.Unavailable = false;
        Assert.Equal(1, await world.Bot.Reminders.RunOnceAsync(default));
    }

    private async Task<ChatScript> PlanWithSection6AssignedToMegan(bool remindersOn = true)
    {
        var dana = world.Chat(TestPeople.Dana);
        await dana.Send("plan Contoso.Web 2.5");
        await dana.Send($"assign 6 {TestPeople.MentionOf(TestPeople.Megan).Markup}", TestPeople.MentionOf(TestPeople.Megan));
        dana.ExpectReplyContaining("Assigned section 6");
        Assert.Equal(remindersOn, Plan().RemindAt is not null);
        return dana;
    }

    private PlanDocument Plan() => world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.5")!;

    /// <summary>Lets the sweeper record what was sent, as the host's background loop does a few seconds later.</summary>
    private async Task SweepAsync(BotHost host)
    {
        world.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.Sweeper.SweepAsync(default);
    }

    private sealed class NoReplyChannels : IReplyChannels
    {
        public IReplyChannel? For(string channel) => null;
    }
}
