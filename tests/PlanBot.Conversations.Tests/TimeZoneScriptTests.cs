using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>Dates are read in the zone the channel says the user is in, and that zone is remembered.</summary>
public sealed class TimeZoneScriptTests
{
    private readonly BotWorld world = new();

    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Fact]
    public async Task Date_is_read_in_the_users_zone()
    {
        var chat = world.Chat();
        chat.TimeZone = "Pacific/Auckland";
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("available-by", world.Now);

        await chat.AnswerValidly("available-by", world.Now);

        var value = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("available-by")!.Value;
        var localMidnight = SampleAnswers.DaysAhead(world.Now, 30).ToDateTime(TimeOnly.MinValue);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(localMidnight, Auckland), value.DateUtc!.Value.UtcDateTime);
        Assert.Equal("Pacific/Auckland", value.TimeZone);
    }

    [Fact]
    public async Task Zone_told_once_is_used_for_later_answers()
    {
        var chat = world.Chat();
        chat.TimeZone = "America/Los_Angeles";
        await chat.Send("plan Contoso.Web 2.4");
        chat.TimeZone = null;
        await chat.AnswerUpTo("deployment-window", world.Now);

        await chat.AnswerValidly("deployment-window", world.Now);

        Assert.Equal("America/Los_Angeles", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("deployment-window")!.Value.TimeZone);
    }

    [Fact]
    public async Task Without_a_zone_dates_are_read_in_the_default_zone()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("available-by", world.Now);

        await chat.AnswerValidly("available-by", world.Now);

        Assert.Equal(world.Options.DefaultTimeZone, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("available-by")!.Value.TimeZone);
    }
}
