using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Slack.Tests.Signing;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Hosting;

public sealed class EventsEndpointTests : HostTestBase
{
    [Fact]
    public async Task Url_verification_answers_the_challenge()
    {
        await StartAsync(time: new ShiftedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 30)));

        using var response = await Session.Client.PostAsync("api/slack/events", SignatureVerifierTests.ChallengeBody, "application/json", timestamp: 1531420618);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_published_signature_is_accepted_as_sent()
    {
        await StartAsync(time: new ShiftedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + 30)));

        using var response = await Session.Client.PostAsync(
            "api/slack/events", SignatureVerifierTests.ChallengeBody, "application/json", timestamp: 1531420618,
            signature: "v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("unsigned")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("changed")]
    [InlineData("wrong-secret")]
    public async Task A_request_that_is_not_signed_right_gets_401_and_nothing_runs(string how)
    {
        await StartAsync();
        var body = SlackPayloads.Envelope(SlackPayloads.DirectMessage("help")).ToJsonString();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var http = new HttpClient { BaseAddress = Host.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/slack/events") { Content = new StringContent(how == "changed" ? body.Replace("help", "hel", StringComparison.Ordinal) + "p" : body) };
        var ts = how switch { "stale" => now - 301, "future" => now + 310, _ => now };
        if (how != "unsigned")
        {
            var secret = how == "wrong-secret" ? "not-the-secret" : SlackTestHost.SigningSecret;
            request.Headers.Add("X-Slack-Request-Timestamp", ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Signature", PlanBot.Slack.Signing.SlackSignatureVerifier.Sign(secret, ts.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetBytes(body)));
        }

        using var response = await http.SendAsync(request);
        await Host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await response.Content.ReadAsStringAsync()));
        Assert.Empty(Slack.Calls);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_unread()
    {
        await StartAsync();

        using var response = await Session.Client.PostAsync("api/slack/events", new string(' ', 1024 * 1024 + 1), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("T0OTHER", SlackPayloads.AppId)]
    [InlineData(SlackPayloads.TeamId, "A0OTHER")]
    public async Task Another_workspace_or_app_gets_401(string team, string app)
    {
        await StartAsync();

        using var response = await Session.Client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help"), team: team, app: app));
        await Host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Slack.Calls);
    }

    [Fact]
    public async Task A_mention_in_a_channel_is_answered_in_the_channel()
    {
        await StartAsync();

        var sent = await Session.MentionAsync("help");

        var reply = Assert.Single(sent);
        Assert.Equal(("chat.postMessage", SlackPayloads.ReleaseChannel, null), (reply.Method, reply.Channel, reply.ThreadTs));
        Assert.True(reply.Shows("plan <product> <version>"), reply.BlocksJson);
    }

    [Fact]
    public async Task A_mention_in_a_thread_is_answered_in_the_thread()
    {
        await StartAsync();

        var sent = await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(SlackPayloads.Mention("help", threadTs: "1700000000.000900"))));

        Assert.Equal("1700000000.000900", Assert.Single(sent).ThreadTs);
    }

    [Fact]
    public async Task A_direct_message_is_answered_in_the_direct_message()
    {
        await StartAsync();

        var sent = await Session.SayAsync("plan Contoso.Web 2.4");

        var reply = Assert.Single(sent);
        Assert.Equal(SlackPayloads.OwnerDm, reply.Channel);
        Assert.True(reply.Shows("What features must be deployed?"), reply.BlocksJson);
    }

    [Theory]
    [InlineData("bot_message")]
    [InlineData("message_changed")]
    [InlineData("channel_join")]
    public async Task Bot_messages_edits_and_other_subtypes_are_ignored(string subtype)
    {
        await StartAsync();
        var message = SlackPayloads.DirectMessage("help");
        message["subtype"] = subtype;

        var sent = await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(message)));

        Assert.Empty(sent);
    }

    [Fact]
    public async Task The_bots_own_direct_messages_are_ignored()
    {
        await StartAsync();
        var own = SlackPayloads.DirectMessage("help", user: SlackPayloads.BotUserId);
        var fromBot = SlackPayloads.DirectMessage("help");
        fromBot["bot_id"] = "B0PLANBOT";

        Assert.Empty(await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(own))));
        Assert.Empty(await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(fromBot))));
    }

    [Fact]
    public async Task A_message_in_a_public_channel_without_a_mention_is_ignored()
    {
        await StartAsync();
        var message = SlackPayloads.DirectMessage("help", channel: SlackPayloads.ReleaseChannel);
        message["channel_type"] = "channel";

        Assert.Empty(await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(message))));
    }

    [Fact]
    public async Task Slack_is_answered_at_once_and_the_turn_runs_after()
    {
        await StartAsync();
        Slack.UserInfoDelay = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();

        using var response = await Session.Client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help")));
        var answered = clock.Elapsed;
        await Host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answered < TimeSpan.FromSeconds(1.5), $"answered after {answered}");
        Assert.Single(Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_retry_while_the_first_delivery_is_queued_is_acknowledged_and_not_run_again()
    {
        await StartAsync();
        Slack.UserInfoDelay = TimeSpan.FromMilliseconds(500);
        var envelope = SlackPayloads.Envelope(SlackPayloads.DirectMessage("plan Contoso.Web 2.4"));

        using var first = await Session.Client.EventAsync(envelope);
        using var retry = await Session.Client.EventAsync(envelope, retryNum: 1);
        await Host.WhenIdleAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.Single(Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task When_the_queue_is_full_an_event_gets_503_and_its_retry_is_taken()
    {
        await StartAsync(settings =>
        {
            settings["Slack:Workers"] = "1";
            settings["Slack:QueueCapacity"] = "1";
        });
        Slack.UserInfoDelay = TimeSpan.FromMilliseconds(700);
        var envelopes = Enumerable.Range(0, 4).Select(_ => SlackPayloads.Envelope(SlackPayloads.DirectMessage("help"))).ToList();

        var statuses = new List<HttpStatusCode>();
        foreach (var envelope in envelopes)
        {
            using var response = await Session.Client.EventAsync(envelope);
            statuses.Add(response.StatusCode);
        }

        await Host.WhenIdleAsync();
        var refused = envelopes[statuses.IndexOf(HttpStatusCode.ServiceUnavailable)];
        var before = Slack.CallsTo("chat.postMessage").Count;
        using var retried = await Session.Client.EventAsync(refused, retryNum: 1);
        await Host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(before + 1, Slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task A_retry_reaching_a_restarted_host_finds_the_event_consumed()
    {
        await StartAsync();
        var envelope = SlackPayloads.Envelope(SlackPayloads.DirectMessage("plan Contoso.Web 2.4"));
        await Session.StepAsync(() => Session.Client.EventAsync(envelope));
        await Host.DisposeAsync();

        await using var restarted = await SlackTestHost.StartAsync(SlackTestHost.Settings(Slack, DatabasePath));
        using var session = new SlackSession(restarted, Slack);
        var sent = await session.StepAsync(() => session.Client.EventAsync(envelope, retryNum: 2));

        Assert.Empty(sent);
        Assert.Single(Slack.CallsTo("chat.postMessage"));
        await StartAsync();
    }

    [Fact]
    public async Task After_the_app_is_uninstalled_nothing_more_is_posted()
    {
        await StartAsync();
        var uninstalled = SlackPayloads.Envelope(new JsonObject { ["type"] = "app_uninstalled", ["event_ts"] = "1700000000.1" });

        var sent = await Session.StepAsync(() => Session.Client.EventAsync(uninstalled));
        var later = await Session.SayAsync("help");

        Assert.Empty(sent);
        Assert.Empty(later);
        var tenant = await Host.Services.GetRequiredService<ITenantStore>().GetTenantAsync("slack:" + SlackPayloads.TeamId, CancellationToken.None);
        Assert.True(tenant!.Document.Installations[SlackPayloads.TeamId].Removed);
    }

    [Fact]
    public async Task Revoking_only_user_tokens_does_not_stop_the_bot()
    {
        await StartAsync();
        var revoked = SlackPayloads.Envelope(new JsonObject
        {
            ["type"] = "tokens_revoked",
            ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0OWNER"), ["bot"] = new JsonArray() },
        });

        await Session.StepAsync(() => Session.Client.EventAsync(revoked));

        Assert.Single(await Session.SayAsync("help"));
    }
}
