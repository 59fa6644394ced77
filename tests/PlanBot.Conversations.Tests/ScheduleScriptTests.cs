using System.Globalization;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Schedule sanity in the summary: a deployment due, or a window ending, after the date the
/// features must be available is warned about, and so are dates and windows that have passed.
/// </summary>
public sealed class ScheduleScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Deployment_due_after_the_features_is_warned_at_the_end_and_in_status()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4", Dates(available: 10, deployed: 20, window: 25));
        var plan = world.PlanOf("Contoso.Web", "2.4");
        var (available, deployed, window) = Texts(plan);
        var expected = new[]
        {
            $"Deployment must be completed and tested ({deployed}) before the features must be available ({available}).",
            $"The deployment window ({window}) ends after the deployment must be completed ({deployed}).",
        };

        Assert.Equal(expected, Warnings(dana.LastReply));

        await dana.Send("status");
        Assert.Equal(expected, Warnings(dana.LastReply));
        await dana.Send("show");
        Assert.Equal(expected, Warnings(dana.LastReply));
    }

    [Fact]
    public async Task Window_ending_after_the_features_are_due_is_warned()
    {
        // With no deployment date, the window is checked against the features' date.
        var dana = await world.CompletePlan("Contoso.Web", "2.4", Dates(available: 10, deployed: null, window: 12));
        var (available, _, window) = Texts(world.PlanOf("Contoso.Web", "2.4"));

        await dana.Send("status");

        Assert.Equal([$"The deployment window ({window}) ends after the features must be available ({available})."], Warnings(dana.LastReply));
    }

    [Fact]
    public async Task Consistent_schedule_gets_no_warning()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        Assert.Empty(Warnings(dana.LastReply));

        await dana.Send("status");

        Assert.StartsWith("summary 100%", dana.LastReply, StringComparison.Ordinal);
        Assert.Empty(Warnings(dana.LastReply));
    }

    [Fact]
    public async Task Window_that_has_started_is_warned_before_the_dates_pass()
    {
        // The sample window starts 28 days ahead at 22:00; the deployment is due a day later.
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        var (_, _, window) = Texts(world.PlanOf("Contoso.Web", "2.4"));
        world.Clock.Advance(TimeSpan.FromDays(29));

        await dana.Send("status");

        Assert.Equal([$"The deployment window ({window}) has already started or passed."], Warnings(dana.LastReply));
    }

    [Fact]
    public async Task Dates_that_have_passed_are_warned()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        var (available, deployed, window) = Texts(world.PlanOf("Contoso.Web", "2.4"));
        world.Clock.Advance(TimeSpan.FromDays(32));

        await dana.Send("status");

        Assert.Equal(
            [
                $"The date the features must be available ({available}) is past.",
                $"The date the deployment must be completed ({deployed}) is past.",
                $"The deployment window ({window}) has already started or passed.",
            ],
            Warnings(dana.LastReply));
    }

    [Fact]
    public async Task The_approval_request_shows_approvers_the_schedule_warnings()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4", Dates(available: 10, deployed: 20, window: 15));
        var (available, deployed, _) = Texts(world.PlanOf("Contoso.Web", "2.4"));

        await dana.Send("submit");

        var request = Assert.Single(dana.Channel.Sent, r => r.Heading.StartsWith("approval Contoso.Web 2.4", StringComparison.Ordinal));
        Assert.Contains($"Deployment must be completed and tested ({deployed}) before the features must be available ({available}).", Warnings(request.Text));
    }

    /// <summary>Answers for the dates and the window, so many days ahead (a 22:00 to 02:00 window); no deployment date skips it.</summary>
    private Dictionary<string, string> Dates(int available, int? deployed, int window) => new()
    {
        ["available-by"] = SampleAnswers.Iso(SampleAnswers.DaysAhead(world.Now, available)),
        ["deployed-by"] = deployed is int days ? SampleAnswers.DaysAhead(world.Now, days).ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "skip",
        ["deployment-window"] = $"{SampleAnswers.Iso(SampleAnswers.DaysAhead(world.Now, window))} 22:00 to 02:00",
    };

    /// <summary>The dates and the window as the plan stores them (and as warnings quote them).</summary>
    private static (string? Available, string? Deployed, string? Window) Texts(Plan plan) =>
        (plan.AnswerTo("available-by")?.Value.Text, plan.AnswerTo("deployed-by")?.Value.Text, plan.AnswerTo("deployment-window")?.Value.Text);

    private static List<string> Warnings(string summary) =>
        summary.Split('\n').Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).Select(l => l["warning: ".Length..]).ToList();
}
