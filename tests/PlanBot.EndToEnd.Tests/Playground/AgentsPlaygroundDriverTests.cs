// Proves the Agents Playground driver against a tiny echo bot hosted in the test: replies, updates,
// cards, Action.Submit, Action.Execute, installation, mentions in group chat and channels, and that
// the playground stays on loopback.
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests.Playground;

/// <summary>A fact that is skipped when <c>node</c> is not on PATH (and only then).</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (AgentsPlayground.FindNode() is null)
        {
            Skip = "node is not on PATH: the Agents Playground (tools/playground) needs Node.js 20 or later.";
        }
    }
}

public sealed class AgentsPlaygroundDriverTests(ITestOutputHelper output)
{
    [NodeFact]
    public async Task Echo_reply_in_the_personal_chat_is_collected()
    {
        await using var bot = await EchoBot.StartAsync();
        await using var playground = await StartPlaygroundAsync(bot);

        var turn = await playground.SendAsync(playground.Conversations.PersonalChat, "hello");

        turn.EnsureBotSucceeded();
        var reply = Assert.Single(turn.Messages);
        Assert.Equal("echo: hello", reply.Text);
        Assert.Equal(playground.Conversations.PersonalChat, reply.ConversationId);
        Assert.False(string.IsNullOrEmpty(reply.MessageId));
        Assert.Empty(reply.Attachments);
        Assert.NotNull(turn.UserMessageId);
        var call = Assert.Single(turn.BotCalls);
        Assert.Equal("message", call.ActivityType);
        Assert.Equal(200, call.StatusCode);
        Assert.Contains(playground.Messages, m => m.Text == "echo: hello");

        var received = Assert.Single(bot.Received);
        Assert.Equal("hello", received["text"]?.GetValue<string>());
        Assert.Equal(playground.Config.CurrentUser.Id, received["from"]?["id"]?.GetValue<string>());
        Assert.Equal(playground.ServiceUrl.ToString().TrimEnd('/'), received["serviceUrl"]?.GetValue<string>()?.TrimEnd('/'));
    }

    [NodeFact]
    public async Task Bot_is_called_in_group_chat_and_channels_only_when_mentioned()
    {
        await using var bot = await EchoBot.StartAsync();
        await using var playground = await StartPlaygroundAsync(bot);
        var conversations = playground.Conversations;

        var unmentioned = await playground.SendAsync(conversations.GroupChat, "just chatting");
        Assert.Empty(unmentioned.BotCalls);
        Assert.Empty(unmentioned.Messages);

        var mentioned = await playground.SendToBotAsync(conversations.GroupChat, "status?");
        Assert.Equal("echo: <at>PlanBot</at> status?", Assert.Single(mentioned.EnsureBotSucceeded().Messages).Text);
        var mention = Assert.Single(bot.LastReceived["entities"]!.AsArray(), e => e?["type"]?.GetValue<string>() == "mention");
        Assert.Equal(playground.Config.BotId, mention!["mentioned"]?["id"]?.GetValue<string>());

        var post = await playground.SendToBotAsync(conversations.TeamGeneral, "new release");
        Assert.StartsWith(conversations.TeamGeneral + ";messageid=", post.PostConversationId, StringComparison.Ordinal);
        var postReply = Assert.Single(post.EnsureBotSucceeded().Messages);
        Assert.Equal(post.PostConversationId, postReply.ConversationId);
        Assert.Equal("channel", bot.LastReceived["conversation"]?["conversationType"]?.GetValue<string>());

        var thread = await playground.SendToBotAsync(post.PostConversationId!, "in the thread");
        Assert.Null(thread.PostConversationId);
        Assert.Equal(post.PostConversationId, Assert.Single(thread.Messages).ConversationId);

        var releases = await playground.SendToBotAsync(conversations.Releases, "ship it");
        Assert.StartsWith(conversations.Releases + ";messageid=", Assert.Single(releases.Messages).ConversationId, StringComparison.Ordinal);
        Assert.Equal(conversations.Releases, bot.LastReceived["channelData"]?["channel"]?["id"]?.GetValue<string>());

        var asMegan = await playground.SendMessageAsAsync(conversations.GroupChat, "user-id-1", "from Megan");
        Assert.Equal("echo: from Megan", Assert.Single(asMegan.EnsureBotSucceeded().Messages).Text);
        Assert.Equal("user-id-1", bot.LastReceived["from"]?["id"]?.GetValue<string>());
    }

    [NodeFact]
    public async Task Updates_cards_submits_invokes_and_installation_are_observed()
    {
        await using var bot = await EchoBot.StartAsync();
        await using var playground = await StartPlaygroundAsync(bot);
        var personal = playground.Conversations.PersonalChat;

        var updated = await playground.SendAsync(personal, "update me");
        var message = Assert.Single(updated.EnsureBotSucceeded().Messages);
        Assert.Equal("echo (updated): update me", message.Text);
        Assert.Equal(1, message.Revision);
        Assert.Equal([BotMessageAction.Created, BotMessageAction.Updated], updated.Events.Select(e => e.Action));

        var carded = await playground.SendAsync(personal, "card");
        Assert.Equal(2, carded.EnsureBotSucceeded().Messages.Count);
        var card = Assert.Single(carded.Messages, m => m.Attachments.Count > 0);
        var attachment = Assert.Single(card.AdaptiveCards);
        Assert.Equal("AdaptiveCard", attachment.Content?["type"]?.GetValue<string>());

        var submitted = await playground.SubmitAsync(personal, card.MessageId, new JsonObject { ["choice"] = "yes" });
        Assert.Equal("submitted: {\"choice\":\"yes\"}", Assert.Single(submitted.EnsureBotSucceeded().Messages).Text);
        Assert.Equal(card.MessageId, bot.LastReceived["replyToId"]?.GetValue<string>());

        var executed = await playground.ExecuteActionAsync(personal, card.MessageId, "approve", new JsonObject { ["plan"] = 7 });
        executed.Turn.EnsureBotSucceeded();
        Assert.Equal("executed approve", executed.Response?["value"]?.GetValue<string>());
        Assert.Equal("adaptiveCard/action", bot.LastReceived["name"]?.GetValue<string>());

        var installed = await playground.TriggerInstallationAsync(personal);
        Assert.Equal(["conversationUpdate", "installationUpdate"], installed.EnsureBotSucceeded().BotCalls.Select(c => c.ActivityType).Order(StringComparer.Ordinal));
        Assert.Equal("installed", Assert.Single(installed.Messages).Text);

        var template = await playground.GetCustomActivityTemplateAsync(personal);
        template["type"] = "message";
        template["text"] = "custom";
        var custom = await playground.SendCustomActivityAsync(template);
        Assert.Equal("echo: custom", Assert.Single(custom.EnsureBotSucceeded().Messages).Text);
    }

    [NodeFact]
    public async Task Failing_bot_turns_are_reported()
    {
        await using var bot = await EchoBot.StartAsync();
        await using var playground = await StartPlaygroundAsync(bot);

        var turn = await playground.SendAsync(playground.Conversations.PersonalChat, "fail");

        Assert.Equal(500, Assert.Single(turn.BotCalls).StatusCode);
        Assert.Throws<InvalidOperationException>(() => turn.EnsureBotSucceeded());
    }

    [NodeFact]
    public async Task Playground_listens_on_loopback_only_and_connects_nowhere_else()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /proc is Linux's.
        }

        await using var bot = await EchoBot.StartAsync();
        await using var playground = await StartPlaygroundAsync(bot);
        await playground.SendAsync(playground.Conversations.PersonalChat, "hello");

        var commandLine = await File.ReadAllTextAsync($"/proc/{playground.ProcessId}/cmdline");
        Assert.Contains("loopback-guard.js", commandLine, StringComparison.Ordinal);

        var sockets = ProcNet.SocketsOf(playground.ProcessId);
        var listening = sockets.Where(s => s.State == ProcNet.Listen).ToList();
        Assert.Contains(listening, s => s.LocalPort == playground.Port);
        Assert.All(listening, s => Assert.True(s.LocalIsLoopback, $"listens on {s}"));
        Assert.All(sockets.Where(s => s.State != ProcNet.Listen), s => Assert.True(s.RemoteIsLoopback, $"connected to {s}"));
        output.WriteLine($"guard refusals: {playground.GuardRefusals.Count}{string.Concat(playground.GuardRefusals.Select(r => "\n  " + r))}");
    }

    [NodeFact]
    public async Task A_taken_port_is_left_for_the_one_the_playground_reports()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        await using var bot = await EchoBot.StartAsync();

        await using var playground = await AgentsPlayground.StartAsync(new AgentsPlaygroundOptions { BotEndpoint = bot.Endpoint, Port = taken, Log = output.WriteLine });

        Assert.NotEqual(taken, playground.Port);
        Assert.Equal("echo: hi", Assert.Single((await playground.SendAsync(playground.Conversations.PersonalChat, "hi")).Messages).Text);
    }

    [NodeFact]
    public async Task Start_fails_loudly_when_the_playground_cannot_start()
    {
        // The playground insists on exactly five users besides the current one.
        var directory = AgentsPlayground.FindPlaygroundDirectory();
        var lines = (await File.ReadAllLinesAsync(Path.Combine(directory, ".m365agentsplayground.yml"))).ToList();
        var lastUser = lines.FindIndex(l => l.Trim() == "- id: user-id-5");
        var end = lines.FindIndex(lastUser + 1, l => !l.StartsWith("    ", StringComparison.Ordinal));
        lines.RemoveRange(lastUser, end - lastUser);
        var config = Path.Combine(Path.GetTempPath(), $"planbot-playground-broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllLinesAsync(config, lines);
        try
        {
            var options = new AgentsPlaygroundOptions { BotEndpoint = new Uri("http://127.0.0.1:9/api/messages"), ConfigFile = config, Log = output.WriteLine };

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AgentsPlayground.StartAsync(options));
            output.WriteLine(error.Message);

            Assert.Contains("exited", error.Message, StringComparison.Ordinal);
            Assert.Contains("ConfigFileParseError", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private Task<AgentsPlayground> StartPlaygroundAsync(EchoBot bot) =>
        AgentsPlayground.StartAsync(new AgentsPlaygroundOptions { BotEndpoint = bot.Endpoint, Log = output.WriteLine });
}

/// <summary>
/// A Teams bot reduced to what the driver tests need, replying through the Connector REST API at the
/// activity's serviceUrl: "echo: text"; "update me" replies then edits the reply; "card" also posts an
/// Adaptive Card; a submit replies "submitted: value"; Action.Execute answers "executed verb";
/// installation replies "installed"; "fail" answers 500.
/// </summary>
internal sealed class EchoBot : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient connector = new();
    private readonly ConcurrentQueue<JsonObject> received = new();

    private EchoBot(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<JsonObject> Received => received.ToArray();

    public JsonObject LastReceived => Received[^1];

    public static async Task<EchoBot> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var bot = new EchoBot(app);
        app.MapPost("/api/messages", Task<IResult> (HttpContext context) => bot.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        bot.Endpoint = new Uri(new Uri(address), "/api/messages");
        return bot;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        if (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) is not JsonObject activity)
        {
            return Results.BadRequest();
        }

        received.Enqueue(activity);
        var type = activity["type"]?.GetValue<string>();
        var text = activity["text"]?.GetValue<string>();
        var ct = context.RequestAborted;
        switch (type)
        {
            case "message" when text == "fail":
                return Results.StatusCode(500);
            case "message" when activity["value"] is JsonNode value:
                await ReplyAsync(activity, new JsonObject { ["type"] = "message", ["text"] = "submitted: " + value.ToJsonString() }, ct);
                break;
            case "message":
                var reply = await ReplyAsync(activity, new JsonObject { ["type"] = "message", ["text"] = "echo: " + text }, ct);
                if (text == "update me")
                {
                    await SendAsync(HttpMethod.Put, activity, $"/activities/{Uri.EscapeDataString(reply)}", new JsonObject { ["type"] = "message", ["text"] = "echo (updated): " + text }, ct);
                }
                else if (text == "card")
                {
                    await SendAsync(HttpMethod.Post, activity, "/activities", Card(), ct);
                }

                break;
            case "invoke":
                var verb = activity["value"]?["action"]?["verb"]?.GetValue<string>();
                return Results.Json(new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = "executed " + verb });
            case "installationUpdate":
                await SendAsync(HttpMethod.Post, activity, "/activities", new JsonObject { ["type"] = "message", ["text"] = "installed" }, ct);
                break;
        }

        return Results.Ok();
    }

    private static JsonObject Card() => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = BotAttachment.AdaptiveCardContentType,
            ["content"] = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Approve the plan?" }),
                ["actions"] = new JsonArray(
                    new JsonObject { ["type"] = "Action.Submit", ["title"] = "Yes", ["data"] = new JsonObject { ["choice"] = "yes" } },
                    new JsonObject { ["type"] = "Action.Execute", ["title"] = "Approve", ["verb"] = "approve" }),
            },
        }),
    };

    /// <summary>POST {serviceUrl}v3/conversations/{conversation}/activities/{activity id}: a reply. Returns the new id.</summary>
    private async Task<string> ReplyAsync(JsonObject activity, JsonObject reply, CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Post, activity, $"/activities/{Uri.EscapeDataString(activity["id"]!.GetValue<string>())}", reply, ct);
        return answer?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("The connector returned no id.");
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, JsonObject activity, string suffix, JsonObject body, CancellationToken ct)
    {
        var serviceUrl = activity["serviceUrl"]!.GetValue<string>().TrimEnd('/') + "/";
        var conversation = Uri.EscapeDataString(activity["conversation"]!["id"]!.GetValue<string>());
        using var request = new HttpRequestMessage(method, new Uri($"{serviceUrl}v3/conversations/{conversation}{suffix}"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await connector.SendAsync(request, ct);
        var content = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {request.RequestUri} answered {(int)response.StatusCode}: {content}");
        }

        return content.Length == 0 ? null : JsonNode.Parse(content);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        connector.Dispose();
    }
}

/// <summary>The TCP sockets a process holds, read from /proc (Linux).</summary>
internal static class ProcNet
{
    public const string Listen = "0A";

    public sealed record Socket(string LocalAddress, int LocalPort, string RemoteAddress, int RemotePort, string State, bool LocalIsLoopback, bool RemoteIsLoopback)
    {
        public override string ToString() => $"{LocalAddress}:{LocalPort} -> {RemoteAddress}:{RemotePort} (state {State})";
    }

    public static IReadOnlyList<Socket> SocketsOf(int pid)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            var target = new FileInfo(fd).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }

        var sockets = new List<Socket>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }

            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 10 || !inodes.Contains(fields[9]))
                {
                    continue;
                }

                var (localAddress, localPort, localLoopback) = Endpoint(fields[1]);
                var (remoteAddress, remotePort, remoteLoopback) = Endpoint(fields[2]);
                sockets.Add(new Socket(localAddress, localPort, remoteAddress, remotePort, fields[3], localLoopback, remoteLoopback));
            }
        }

        return sockets;
    }

    private static (string Address, int Port, bool Loopback) Endpoint(string hex)
    {
        var parts = hex.Split(':');
        var port = int.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var bytes = Convert.FromHexString(parts[0]);
        // /proc prints each 32-bit word in host (little-endian) order.
        for (var i = 0; i < bytes.Length; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        var address = new System.Net.IPAddress(bytes);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var unspecified = address.Equals(System.Net.IPAddress.Any) || address.Equals(System.Net.IPAddress.IPv6Any);
        return (address.ToString(), port, System.Net.IPAddress.IsLoopback(address) || (unspecified && port == 0));
    }
}
