using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Reminders that know the deployment window: decisions still missing a day before it opens (the
/// approvers and the owner @mentioned in the approval thread), urgently an hour before, the window
/// opening on a plan not approved, and opening on an approved plan nobody has started deploying.
/// </summary>
public sealed class WindowReminderScriptTests
{
    private readonly BotWorld world = new();

    public WindowReminderScriptTests()
    {
        // Only the window's reminders in these scripts: the daily reminders about waiting are another's tests.
        world.Options.MaxReminders = 0;
    }

    private Plan Stored => world.PlanOf("Contoso.Web", "2.4");

    private DateTimeOffset Opens => Stored.AnswerTo("deployment-window")!.Value.WindowStartUtc!.Value;

    private async Task<ChatScript> SubmittedAsync()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        await dana.Send("submit");
        Assert.Equal(PlanState.InReview, Stored.State);
        return dana;
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs a reminder round: what it sent, in the approval thread.</summary>
    private async Task<IReadOnlyList<DeliveredReply>> RoundAt(DateTimeOffset at)
    {
        world.Clock.SetUtcNow(at);
        var before = world.Bot.ReminderChannel.Sent.Count;
        await world.Bot.Reminders.RunOnceAsync(default);
        world.Clock.Advance(TimeSpan.FromSeconds(5));
        await world.Bot.Sweeper.SweepAsync(default);
        var sent = world.Bot.ReminderChannel.Sent.Skip(before).ToList();
        Assert.All(sent, r => Assert.Equal(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts[PostKeys.Approval].Thread, r.To));
        return sent;
    }

    [Fact]
    public async Task A_day_before_the_window_the_approvers_still_to_decide_and_the_owner_are_called()
    {
        await SubmittedAsync();

        Assert.Empty(await RoundAt(Opens.AddHours(-25)));
        var near = Assert.Single(await RoundAt(Opens.AddHours(-23)));

        Assert.Contains("The deployment window of Contoso.Web 2.4 opens in 23 hours", near.Text, StringComparison.Ordinal);
        Assert.Contains("still waits for a decision from Megan Bowen, Alex Wilber", near.Text, StringComparison.Ordinal);
        Assert.EndsWith("mentions: Megan Bowen, Alex Wilber, Dana Owner", near.Text, StringComparison.Ordinal);
        Assert.Empty(await RoundAt(Opens.AddHours(-22)));
    }

    [Fact]
    public async Task An_hour_before_the_window_the_call_is_urgent()
    {
        await SubmittedAsync();
        await RoundAt(Opens.AddHours(-23));

        var imminent = Assert.Single(await RoundAt(Opens.AddMinutes(-50)));

        Assert.StartsWith("notice Warning\nUrgent: the deployment window of Contoso.Web 2.4 opens in 50 minutes", imminent.Text, StringComparison.Ordinal);
        Assert.Contains("Still to decide: Megan Bowen, Alex Wilber.", imminent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitted_within_the_hour_before_the_window_only_the_urgent_call_goes_out()
    {
        await SubmittedAsync();

        var sent = await RoundAt(Opens.AddMinutes(-30));

        Assert.StartsWith("notice Warning\nUrgent:", Assert.Single(sent).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_that_opens_without_an_approval_is_said_in_the_thread_to_the_owner()
    {
        await SubmittedAsync();
        await RoundAt(Opens.AddHours(-23));
        await RoundAt(Opens.AddMinutes(-50));

        var passed = Assert.Single(await RoundAt(Opens.AddMinutes(1)));

        Assert.Contains("opened at", passed.Text, StringComparison.Ordinal);
        Assert.Contains("without an approved plan (revision", passed.Text, StringComparison.Ordinal);
        Assert.Contains("`edit 2`", passed.Text, StringComparison.Ordinal);
        Assert.EndsWith("mentions: Dana Owner", passed.Text, StringComparison.Ordinal);
        Assert.Empty(await RoundAt(Opens.AddMinutes(30)));
    }

    private async Task<ChatScript> ApprovedAsync()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        await world.SubmitAndApprove(dana, "Contoso.Web 2.4", TestPeople.Megan);
        return dana;
    }

    [Fact]
    public async Task A_window_that_opens_on_an_approved_plan_calls_the_crew_to_start_the_deployment()
    {
        await ApprovedAsync();
        Assert.Equal(PlanState.Approved, Stored.State);
        Assert.Empty(await RoundAt(Opens.AddHours(-23)));

        var open = Assert.Single(await RoundAt(Opens.AddMinutes(2)));

        Assert.Contains("The deployment window of Contoso.Web 2.4 is open", open.Text, StringComparison.Ordinal);
        Assert.Contains("`start deployment`", open.Text, StringComparison.Ordinal);
        Assert.Contains("The run sheet: 1. ", open.Text, StringComparison.Ordinal);
        Assert.EndsWith("mentions: Alex Wilber, Dana Owner", open.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_started_before_the_window_opens_is_not_reminded()
    {
        var dana = await ApprovedAsync();
        world.Clock.SetUtcNow(Opens.AddMinutes(-10));
        await dana.Send("start deployment");

        Assert.Empty(await RoundAt(Opens.AddMinutes(2)));
    }

    [Fact]
    public async Task A_window_warning_of_zero_turns_the_window_reminders_off()
    {
        world.Options.WindowWarning = TimeSpan.Zero;
        await SubmittedAsync();

        Assert.Empty(await RoundAt(Opens.AddHours(-23)));
        Assert.Empty(await RoundAt(Opens.AddMinutes(1)));
    }
}
