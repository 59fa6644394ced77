using System.Net;
using System.Text;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

public sealed class MessagesEndpointTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();
    private readonly PlanBotFactory factory;

    public MessagesEndpointTests()
    {
        factory = new PlanBotFactory(database.Path, connector);
    }

    public void Dispose()
    {
        factory.Dispose();
        database.Dispose();
    }

    [Theory]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":42}")]
    public async Task Malformed_body_is_400_with_a_reason(string body)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("activity", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task Activity_without_a_conversation_is_400_naming_the_field()
    {
        var activity = new Activities().Message("help");
        activity.Remove("conversation");
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("conversation.id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_the_size_limit_is_413()
    {
        var activity = new Activities().Message(new string('x', 300 * 1024));
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task Unknown_activity_type_is_accepted_and_ignored()
    {
        var activity = new Activities().Message("hello");
        activity["type"] = "somethingNew";
        var bot = new BotClient(factory, new Activities());

        Assert.Equal(HttpStatusCode.OK, await bot.PostAsync(activity));
        Assert.Empty(connector.Calls);
    }

    [Fact]
    public async Task Bot_added_to_a_conversation_welcomes_with_the_help_text()
    {
        var activities = new Activities();
        var bot = new BotClient(factory, activities);

        Assert.Equal(HttpStatusCode.OK, await bot.PostAsync(activities.BotAdded()));

        var welcome = Assert.Single(connector.Texts);
        Assert.Contains("PlanBot", welcome, StringComparison.Ordinal);
        Assert.Contains("plan <product> <version>", welcome, StringComparison.Ordinal);
        Assert.Contains("status", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_go_to_the_activity_through_its_service_url_with_escaped_ids()
    {
        var activities = new Activities("a:1;x@y");
        var bot = new BotClient(factory, activities);

        await bot.SayAsync("plan Contoso.Web 2.4", id: "act-1");

        var call = Assert.Single(connector.Calls);
        Assert.Equal(HttpMethod.Post, call.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1%3Bx%40y/activities/act-1", call.Uri.AbsoluteUri);
        Assert.Contains("What features must be deployed?", call.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_activity_gets_no_second_reply()
    {
        var bot = new BotClient(factory, new Activities());

        var first = await bot.SayAsync("plan Contoso.Web 2.4", id: "same-id");
        var second = await bot.SayAsync("plan Contoso.Web 2.4", id: "same-id");

        Assert.Single(first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
