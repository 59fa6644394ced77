using System.Diagnostics;
using System.Net;
using PlanBot.Conversations.Engine;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// One sender flooding the bot, bounded in count: turns over the per-person or per-tenant limit are
/// not run, the sender is told to slow down once a window (not once a message), a pressed card says
/// so in its place, Slack is still acknowledged, colleagues are cut only when the tenant's share is
/// used up, and someone of another tenant is not slowed down. Times are reported, not asserted.
/// </summary>
public sealed class FloodTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const int Flood = 200;

    /// <summary>Part of <see cref="TurnProcessor.SlowDown"/> and <see cref="TurnProcessor.TenantSlowDown"/> that no renderer escapes.</summary>
    private const string SlowDown = "sending me more than I can take";

    /// <summary>Where <see cref="TurnProcessor.TenantSlowDown"/> differs from the person's.</summary>
    private const string TenantSlowDown = "Your organisation is sending me";

    // Windows far longer than a test runs: no permit comes back during one, however slow the machine.
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:UserTurns"] = "20",
        ["RateLimits:UserWindow"] = "00:10:00",
        ["RateLimits:TenantTurns"] = "50",
        ["RateLimits:TenantWindow"] = "00:10:00",
    };

    private readonly TempDatabase database = new();
    private FakeSlack slack = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser(SlackPayloads.Owner, "Alex Wilber");
        slack.AddUser(SlackPayloads.Developer, "Diego Siciliani");
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_teams_flood_is_cut_at_the_limits_told_once_and_leaves_another_tenant_alone()
    {
        var figures = new Figures(output, $"Teams flood: {Flood} messages at once from one person (RateLimits: 20 a person, 50 a tenant, per window)");
        var connector = new FaultyConnector();
        using var host = new ReliabilityHost(database.Path, connector, Limits);
        using var bot = host.NewClient();
        var mallory = TeamsUser.Named("mallory", "Mallory");
        var chat = TeamsConversation.Personal("mallory");
        var outsider = TeamsUser.Named("outsider", "Olga Other");
        var outsiderChat = TeamsConversation.Personal("outsider", tenantId: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");

        var clock = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, Flood).Select(i => bot.PostAsync(TeamsActivities.Message(chat, mallory, i % 2 == 0 ? "help" : "status"))));
        var floodTime = clock.Elapsed;
        var toMallory = connector.Delivered.Where(d => d.ConversationId == chat.Id).ToList();
        var notes = toMallory.Count(d => d.Text.Contains(SlowDown, StringComparison.Ordinal));
        var card = await bot.PostAsync(TeamsActivities.Execute(chat, mallory, "skip", []));

        // Mallory's refused turns took none of the tenant's 50: four colleagues of ten messages each
        // have 30 left between them, and the fourth is told once that the organisation is over.
        var colleagues = Enumerable.Range(1, 4).Select(n => (User: TeamsUser.Named($"colleague{n}", $"Colleague {n}"), Chat: TeamsConversation.Personal($"colleague{n}"))).ToList();
        var answered = new List<IReadOnlyList<Delivery>>();
        foreach (var (user, colleagueChat) in colleagues)
        {
            for (var i = 0; i < 10; i++)
            {
                answered.Add(await bot.SayAsync(colleagueChat, user, "help"));
            }
        }

        var outsiderReply = await bot.SayAsync(outsiderChat, outsider, "help");

        var lastColleague = answered.Skip(30).ToList();
        figures.Add("messages sent", Flood);
        figures.Add("answered 200", statuses.Count(s => s.Status == HttpStatusCode.OK));
        figures.Add("turns run (replies other than the slow-down note)", toMallory.Count - notes);
        figures.Add("slow-down notes sent", notes);
        figures.Add("flood answered in (ms)", (int)floodTime.TotalMilliseconds);
        figures.Add("a card pressed while over the limit", card.Body.Contains(SlowDown, StringComparison.Ordinal) ? "slow-down shown in place of the card" : card.Body);
        figures.Add("4 colleagues, 10 messages each, turns run", answered.Take(30).Count(r => r.Count == 1 && !r[0].Text.Contains(SlowDown, StringComparison.Ordinal)));
        figures.Add("the fourth colleague, over the tenant's limit", $"{lastColleague.Count(r => r.Count > 0)} note(s) in 10 messages");
        figures.Add("someone of another tenant", outsiderReply.Count == 1 && !outsiderReply[0].Text.Contains(SlowDown, StringComparison.Ordinal) ? "answered" : $"{outsiderReply.Count} replies");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Equal(20, toMallory.Count - notes);
        Assert.Equal(1, notes);
        Assert.Contains(SlowDown, card.Body, StringComparison.Ordinal);
        Assert.All(answered.Take(30), r => Assert.DoesNotContain(SlowDown, Assert.Single(r).Text, StringComparison.Ordinal));
        Assert.Contains(TenantSlowDown, Assert.Single(lastColleague[0]).Text, StringComparison.Ordinal);
        Assert.All(lastColleague.Skip(1), Assert.Empty);
        Assert.DoesNotContain(SlowDown, Assert.Single(outsiderReply).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slack_flood_is_acknowledged_cut_at_the_limit_and_told_once()
    {
        var figures = new Figures(output, $"Slack flood: {Flood} direct messages at once from one person (RateLimits: 20 a person per window)");
        var settings = SlackClient.Settings(slack);
        foreach (var (key, value) in Limits)
        {
            settings[key] = value;
        }

        settings["Slack:QueueCapacity"] = "4096";
        using var host = new ReliabilityHost(database.Path, new FaultyConnector(), settings);
        using var client = new SlackClient(host);

        var timings = new List<TimeSpan>();
        var responses = await Task.WhenAll(Enumerable.Range(0, Flood).Select(async _ =>
        {
            var started = Stopwatch.GetTimestamp();
            var response = await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help")));
            lock (timings)
            {
                timings.Add(Stopwatch.GetElapsedTime(started));
            }

            return response;
        }));
        await client.WhenIdleAsync();
        var posts = slack.Messages().Where(m => m.Channel == SlackPayloads.OwnerDm).ToList();
        var notes = posts.Count(p => p.Body.Contains(SlowDown, StringComparison.Ordinal));
        await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help", user: SlackPayloads.Developer, channel: "D0DEV")));
        await client.WhenIdleAsync();
        var colleague = slack.Messages().Count(m => m.Channel == "D0DEV");

        figures.Add("events sent", Flood);
        figures.Add("acknowledged 200", responses.Count(r => r.Status == HttpStatusCode.OK));
        figures.Add("slowest acknowledgement (ms)", (int)timings.Max().TotalMilliseconds);
        figures.Add("turns run (posts other than the slow-down note)", posts.Count - notes);
        figures.Add("slow-down notes posted", notes);
        figures.Add("a colleague's message afterwards", colleague == 1 ? "answered" : $"{colleague} posts");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(20, posts.Count - notes);
        Assert.Equal(1, notes);
        Assert.Equal(1, colleague);
    }
}
