using System.Text.Json.Nodes;
using PlanBot.Slack.SocketMode;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.SocketMode;

/// <summary>Socket Mode against a fake Slack WebSocket server on loopback (PROTOCOLS.md 7, vector 9).</summary>
public sealed class SocketModeTests : HostTestBase
{
    private const string EnvelopeId = "57d6a792-4d35-4d0b-b6aa-3361493e1caf";

    private Task StartSocketModeAsync() => StartAsync(settings =>
    {
        settings["Slack:SocketMode"] = "true";
        settings["Slack:SigningSecret"] = null;
        settings["Slack:AppToken"] = SlackTestHost.AppToken;
    });

    private async Task<SocketSession> ConnectionAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await Slack.Connections.Reader.ReadAsync(deadline.Token);
    }

    private static string Envelope(string id, string type, JsonNode payload) =>
        new JsonObject { ["envelope_id"] = id, ["type"] = type, ["payload"] = payload.DeepClone(), ["accepts_response_payload"] = false, ["retry_attempt"] = 0, ["retry_reason"] = "" }.ToJsonString();

    [Fact]
    public async Task An_event_is_acknowledged_exactly_before_anything_is_posted_and_a_disconnect_reconnects()
    {
        await StartSocketModeAsync();
        var socket = await ConnectionAsync();
        await socket.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"applink-1"},"connection_info":{"app_id":"A0PLANBOT"}}""");

        await socket.SendAsync(Envelope(EnvelopeId, "events_api", SlackPayloads.Envelope(SlackPayloads.DirectMessage("help"))));
        var ack = await socket.ReceiveAsync();
        await Slack.WaitForAsync("chat.postMessage");
        await Host.WhenIdleAsync();

        Assert.Equal($$"""{"envelope_id":"{{EnvelopeId}}"}""", ack);
        var post = Assert.Single(Slack.CallsTo("chat.postMessage"));
        var acked = Slack.Log.Single(e => e.Kind == "ack").Sequence;
        Assert.True(acked < post.Sequence, "the envelope was acknowledged after the reply was posted");
        Assert.Equal("Bearer " + SlackTestHost.AppToken, Slack.CallsTo("apps.connections.open")[0].Authorization);
        Assert.Equal("Bearer " + SlackTestHost.BotToken, post.Authorization);

        await socket.SendAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}}""");
        var second = await ConnectionAsync();
        await second.SendAsync("""{"type":"hello","num_connections":1}""");

        Assert.Equal(2, Slack.CallsTo("apps.connections.open").Count);
        await socket.Closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_dropped_socket_is_reopened_with_a_new_url()
    {
        await StartSocketModeAsync();
        var first = await ConnectionAsync();

        await Slack.DisposeSocketAsync(first);
        var second = await ConnectionAsync();
        await second.SendAsync(Envelope("e-2", "events_api", SlackPayloads.Envelope(SlackPayloads.DirectMessage("help"))));

        Assert.Equal("""{"envelope_id":"e-2"}""", await second.ReceiveAsync());
        Assert.Equal(2, Slack.CallsTo("apps.connections.open").Count);
    }

    [Fact]
    public async Task A_redelivered_envelope_of_the_same_event_runs_once()
    {
        await StartSocketModeAsync();
        var socket = await ConnectionAsync();
        var envelope = SlackPayloads.Envelope(SlackPayloads.DirectMessage("help"));

        await socket.SendAsync(Envelope("e-1", "events_api", envelope));
        await socket.ReceiveAsync();
        await socket.SendAsync(Envelope("e-2", "events_api", envelope));
        await socket.ReceiveAsync();
        await Host.WhenIdleAsync();

        Assert.Single(Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task A_slash_command_runs_like_over_http()
    {
        await StartSocketModeAsync();
        var socket = await ConnectionAsync();
        var command = new JsonObject();
        foreach (var (key, value) in SlackPayloads.Command("Contoso.Web 2.4"))
        {
            command[key] = value;
        }

        await socket.SendAsync(Envelope("c-1", "slash_commands", command));

        Assert.Equal("""{"envelope_id":"c-1"}""", await socket.ReceiveAsync());
        await Slack.WaitForAsync("chat.postMessage");
        await Host.WhenIdleAsync();
        Assert.True(Assert.Single(Slack.CallsTo("chat.postMessage")).Shows("What features must be deployed?"));
    }

    [Fact]
    public async Task A_blank_reason_is_refused_in_the_acknowledgement_payload()
    {
        await StartSocketModeAsync();
        var socket = await ConnectionAsync();
        await socket.SendAsync(Envelope("i-1", "interactive", SlackPayloads.BlockAction("reject", """{"planId":"plan-1","revision":2}""", SlackPayloads.Approver, SlackPayloads.ReleaseChannel, "releases", "1.2")));
        Assert.Equal("""{"envelope_id":"i-1"}""", await socket.ReceiveAsync());
        var opened = (await Slack.WaitForAsync("views.open")).Json!;

        await socket.SendAsync(Envelope("i-2", "interactive", SlackPayloads.ViewSubmission(opened, SlackPayloads.Approver, "reason", "")));
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!;

        Assert.Equal("i-2", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("errors", ack["payload"]!["response_action"]!.GetValue<string>());
        Assert.NotNull(ack["payload"]!["errors"]!["reason"]);
    }

    [Fact]
    public async Task A_saved_section_modal_is_answered_with_the_next_section_in_the_acknowledgement_payload()
    {
        await StartSocketModeAsync();
        var socket = await ConnectionAsync();
        var command = new JsonObject();
        foreach (var (key, value) in SlackPayloads.Command("Contoso.Web 2.4"))
        {
            command[key] = value;
        }

        await socket.SendAsync(Envelope("c-1", "slash_commands", command));
        Assert.Equal("""{"envelope_id":"c-1"}""", await socket.ReceiveAsync());
        var modal = (await Slack.WaitForAsync("views.open")).Json!["view"]!.AsObject();

        // Slack offers a response payload for a view submission, and waits for it 3 seconds.
        var submission = SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, SectionFormAnswers.For(Domain.Checklist.Section.ScopeAndOverview));
        await socket.SendAsync(new JsonObject { ["envelope_id"] = "i-1", ["type"] = "interactive", ["payload"] = submission, ["accepts_response_payload"] = true }.ToJsonString());
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!;

        Assert.Equal("i-1", ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("update", ack["payload"]!["response_action"]!.GetValue<string>());
        Assert.Equal("Section 2 of 9", ack["payload"]!["view"]!["title"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_acknowledgement_is_exactly_the_envelope_id()
    {
        Assert.Equal("""{"envelope_id":"57d6a792-4d35-4d0b-b6aa-3361493e1caf"}""", SocketAcknowledgement.Text(EnvelopeId, null));
    }

    [Fact]
    public async Task In_socket_mode_the_http_endpoints_are_not_mapped()
    {
        await StartSocketModeAsync();

        using var response = await Session.Client.CommandAsync(SlackPayloads.Command("help"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
