using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// Every log line of a host run, at every level down to Trace, through authenticated requests,
/// refused ones, Connector and token failures, and Slack calls that fail: no token, password,
/// signing secret or signature appears in any of them.
/// </summary>
public sealed partial class SecretsTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private readonly FaultyConnector connector = new();
    private AuthenticatedWorld world = null!;

    public async Task InitializeAsync() => world = await AuthenticatedWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task No_secret_reaches_the_logs_at_any_level()
    {
        var figures = new Figures(output, "Secrets in the logs (everything captured at Trace)");
        LogSink logs;
        await using (var host = world.Host(database.Path, connector))
        {
            logs = host.Logs;
            using var bot = host.NewClient();
            bot.Bearer = world.Bearer;
            var owner = TeamsUser.Named("owner", "Dana Owner");
            var chat = TeamsConversation.Personal("owner");

            // The token endpoint refuses the client secret first: the reply waits, owed.
            world.Tokens.RejectClient = true;
            Assert.Empty(await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4"));
            world.Tokens.RejectClient = false;
            Assert.Equal(2, (await bot.SayAsync(chat, owner, "Checkout v2")).Count);

            // The Connector throttles, fails, and drops the connection.
            connector.Faults.Enqueue(ConnectorFault.Status(HttpStatusCode.TooManyRequests, 0));
            connector.Faults.Enqueue(ConnectorFault.Status(HttpStatusCode.BadGateway));
            await bot.SayAsync(chat, owner, "Saved carts");
            connector.Faults.Enqueue(ConnectorFault.Status(HttpStatusCode.InternalServerError));
            await bot.SayAsync(chat, owner, "status");
            connector.Faults.Enqueue(ConnectorFault.Reset());
            await bot.SayAsync(chat, owner, "show");

            // Refused tokens, including one signed with the app's own password.
            foreach (var forged in new[]
            {
                "Bearer " + world.ConnectorToken(c => c.With("aud", TestIds.OtherAppId)),
                "Bearer " + world.ConnectorToken(key: new TestSigningKey("unknown-kid", ["msteams"], material: 1)),
                "Bearer " + AuthenticatedWorld.SignedWithThePassword(),
                "Bearer " + world.ConnectorToken(c => c.With("exp", DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds()).With("nbf", DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds())),
            })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await bot.PostAsync(TeamsActivities.Message(chat, owner, "status"), forged)).Status);
            }

            // Slack: messages, a command, a button, a Web API that refuses and throttles, a bad signature.
            using var slack = new SlackClient(host);
            await slack.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("plan Contoso.Web 3.0")));
            await slack.WhenIdleAsync();
            world.Slack.Enqueue("chat.postMessage", FakeResponse.Error("invalid_auth"));
            await slack.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("status")));
            await slack.WhenIdleAsync();
            world.Slack.Enqueue("chat.postMessage", FakeResponse.RateLimited(0));
            await slack.CommandAsync(SlackPayloads.Command("help"));
            await slack.WhenIdleAsync();
            await slack.InteractionAsync(SlackPayloads.BlockAction("reject", """{"planId":"p1","revision":"3"}""", SlackPayloads.Approver, SlackPayloads.ReleaseChannel, "releases", "1700000000.000100"));
            await slack.WhenIdleAsync();
            var body = System.Text.Encoding.UTF8.GetBytes(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help")).ToJsonString());
            Assert.Equal(HttpStatusCode.Unauthorized, (await slack.PostAsync("/api/slack/events", body, "application/json", signature: "v0=" + new string('0', 64))).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await slack.PostAsync("/api/slack/events", body, "application/json", timestamp: DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds())).Status);
        }

        var text = logs.AllText;
        var secrets = new Dictionary<string, string>
        {
            ["MicrosoftAppPassword"] = AuthenticatedWorld.AppPassword,
            ["Slack signing secret"] = SlackClient.SigningSecret,
            ["Slack bot token"] = SlackClient.BotToken,
        };
        foreach (var (token, i) in world.Minted.Select((t, i) => (t, i)))
        {
            secrets[$"inbound JWT {i + 1}"] = token;
            secrets[$"inbound JWT {i + 1} signature"] = token.Split('.')[2];
        }

        var found = secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.Key).ToList();
        var connectorTokens = ConnectorToken().Count(text);
        var slackSignatures = SlackSignature().Count(text);
        var byLevel = logs.Entries.GroupBy(e => e.Level).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");

        figures.Add("log entries captured", logs.Entries.Count);
        figures.Add("by level", string.Join(", ", byLevel));
        figures.Add("categories", logs.Entries.Select(e => e.Category).Distinct().Count());
        figures.Add("inbound JWTs minted for the run", world.Minted.Count);
        figures.Add("secret strings looked for", secrets.Count + 2);
        figures.Add("found: configured secrets and inbound JWTs", found.Count);
        figures.Add("found: Connector tokens from the token endpoint", connectorTokens);
        figures.Add("found: Slack request signatures", slackSignatures);
        output.WriteLine("CATEGORIES " + string.Join(", ", logs.Entries.Select(e => e.Category).Distinct().Order(StringComparer.Ordinal)));
        foreach (var name in found)
        {
            var entry = logs.Entries.First(e => e.ToString().Contains(secrets[name], StringComparison.Ordinal));
            output.WriteLine($"LEAK {name} in {entry.Level} {entry.Category}[{entry.EventId.Id}]: {entry.Message[..Math.Min(200, entry.Message.Length)]}");
        }

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace);
        Assert.True(world.Minted.Count >= 8, $"the run should have carried many tokens, not {world.Minted.Count}");
        Assert.Empty(found);
        Assert.Equal(0, connectorTokens);
        Assert.Equal(0, slackSignatures);
    }

    [GeneratedRegex("connector-token-[A-Za-z0-9.-]+")]
    private static partial Regex ConnectorToken();

    [GeneratedRegex("v0=[0-9a-f]{64}")]
    private static partial Regex SlackSignature();
}
