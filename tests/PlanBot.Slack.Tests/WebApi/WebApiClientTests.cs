using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Slack.WebApi;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.WebApi;

/// <summary>The Web API client against a fake Slack on loopback (PROTOCOLS.md 7, vector 7).</summary>
public sealed class WebApiClientTests : IAsyncLifetime
{
    private readonly RecordingTimeProvider time = new();
    private FakeSlack slack = null!;

    public async Task InitializeAsync() => slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private SlackWebApiClient Client(TimeSpan? postInterval = null, int maxAttempts = 3) =>
        WebApiClients.Create(slack, time, new Dictionary<string, string?>
        {
            ["Slack:PostInterval"] = (postInterval ?? TimeSpan.Zero).ToString(),
            ["Slack:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static PostMessageRequest Message(string channel = "C0RELEASE") => new()
    {
        Channel = channel,
        Text = "Plan saved",
        Blocks = JsonDocument.Parse("""[{"type":"section","text":{"type":"mrkdwn","text":"Plan saved"}}]""").RootElement,
    };

    [Fact]
    public async Task A_post_sends_json_with_the_token_only_in_the_header()
    {
        var posted = await Client().PostMessageAsync(Message(), CancellationToken.None);

        var call = Assert.Single(slack.Calls);
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal("Bearer " + SlackTestHost.BotToken, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.DoesNotContain("xoxb", call.Body, StringComparison.Ordinal);
        Assert.Equal("C0RELEASE", call.Channel);
        Assert.Equal("Plan saved", call.Json!["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(("C0RELEASE", "1700000000.000101"), (posted.Channel, posted.Ts));
    }

    [Fact]
    public async Task Ok_false_is_a_typed_error_and_is_not_retried()
    {
        slack.Enqueue("chat.postMessage", FakeResponse.Error("not_in_channel"));

        var refused = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync(Message(), CancellationToken.None));

        Assert.Equal("not_in_channel", refused.Error);
        Assert.True(refused.IsPermanent);
        Assert.Single(slack.Calls);
    }

    [Fact]
    public async Task A_429_waits_out_retry_after_and_tries_again()
    {
        slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(3));

        var posted = await Client().PostMessageAsync(Message(), CancellationToken.None);

        Assert.NotNull(posted.Ts);
        Assert.Equal(2, slack.Calls.Count);
        Assert.Contains(time.Delays, d => d >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        for (var i = 0; i < 3; i++)
        {
            slack.Enqueue("chat.update", FakeResponse.RateLimited(1));
        }

        var refused = await Assert.ThrowsAsync<SlackApiException>(() =>
            Client(maxAttempts: 3).UpdateMessageAsync(new UpdateMessageRequest { Channel = "C0RELEASE", Ts = "1.2", Text = "x" }, CancellationToken.None));

        Assert.Equal("ratelimited", refused.Error);
        Assert.Equal(3, slack.Calls.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_fails_at_once()
    {
        slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(600));

        var refused = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync(Message(), CancellationToken.None));

        Assert.Equal("ratelimited", refused.Error);
        Assert.Single(slack.Calls);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task A_server_error_is_retried()
    {
        slack.Enqueue("chat.postMessage", new FakeResponse(503, "unavailable"));

        await Client().PostMessageAsync(Message(), CancellationToken.None);

        Assert.Equal(2, slack.Calls.Count);
    }

    [Fact]
    public async Task A_lost_connection_is_retried()
    {
        slack.Enqueue("chat.postMessage", FakeResponse.Abort());

        await Client().PostMessageAsync(Message(), CancellationToken.None);

        Assert.Equal(2, slack.Calls.Count);
    }

    [Fact]
    public void The_client_renews_its_connections_so_a_changed_address_is_followed()
    {
        using var services = WebApiClients.Services(slack, time);

        var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(SlackWebApiClient));
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            handler = inner;
        }

        Assert.Equal(TimeSpan.FromMinutes(2), Assert.IsType<SocketsHttpHandler>(handler).PooledConnectionLifetime);
    }

    [Fact]
    public async Task Messages_to_one_channel_are_paced_and_other_channels_are_not()
    {
        var client = Client(postInterval: TimeSpan.FromSeconds(1));

        await client.PostMessageAsync(Message("C1"), CancellationToken.None);
        await client.PostMessageAsync(Message("C2"), CancellationToken.None);
        Assert.Empty(time.Delays);
        await client.PostMessageAsync(Message("C1"), CancellationToken.None);

        var wait = Assert.Single(time.Delays);
        Assert.InRange(wait, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Users_info_reads_the_time_zone_and_name()
    {
        slack.AddUser("U0OWNER", "Alex Wilber", "America/New_York");

        var user = await Client().GetUserAsync("U0OWNER", CancellationToken.None);

        Assert.Equal(("Alex Wilber", "America/New_York"), (user.DisplayName, user.Tz));
        var call = Assert.Single(slack.Calls);
        Assert.Equal("U0OWNER", call.Form("user"));
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_open_sends_the_trigger_and_the_modal()
    {
        var modal = new ModalView(new PlainText("Reject the plan"), [new SectionBlock(new Mrkdwn("Why?"))]) { CallbackId = "reject" };

        await Client().OpenViewAsync("123.456.abc", modal, CancellationToken.None);

        var call = Assert.Single(slack.Calls);
        Assert.Equal("123.456.abc", call.Json!["trigger_id"]!.GetValue<string>());
        Assert.Equal("modal", call.Json["view"]!["type"]!.GetValue<string>());
        Assert.Equal("reject", call.Json["view"]!["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Socket_mode_connections_are_opened_with_the_app_token()
    {
        var url = await Client().OpenConnectionAsync(CancellationToken.None);

        Assert.Equal(slack.SocketUrl, url);
        Assert.Equal("Bearer " + SlackTestHost.AppToken, Assert.Single(slack.Calls).Authorization);
    }

    [Fact]
    public async Task The_token_is_never_sent_to_another_host()
    {
        var options = Options.Create(new SlackOptions { BotToken = SlackTestHost.BotToken, ApiBaseUrl = slack.ApiBase.ToString() });
        using var http = new HttpClient(new SlackTokenHandler(options) { InnerHandler = new SocketsHttpHandler() });

        await Assert.ThrowsAsync<InvalidOperationException>(() => http.PostAsync("http://127.0.0.2:9/api/chat.postMessage", null));
        Assert.Empty(slack.Calls);
    }
}
