using System.Net;
using CsCheck;
using Microsoft.Extensions.Logging;
using PlanBot.Reliability.Tests.Fuzz;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// Generated inbound payloads, seeded and bounded, against the real host: every one is answered
/// with a 2xx or a 4xx within its timeout; none gets a 5xx, reaches the client as an exception, hangs,
/// or fails a turn in the background (an error in the logs). The host still works afterwards.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    /// <summary>The PCG seed every run starts from: the same cases every time, in the same order.</summary>
    public const ulong Seed = 20_270_315;

    public const int TeamsCaseCount = 5000;
    public const int SlackCaseCount = 3000;

    private readonly TempDatabase database = new();
    private FakeSlack slack = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser(SlackPayloads.Owner, "Alex Wilber");
        slack.AddUser(SlackPayloads.Approver, "Megan Bowen");
        slack.AddUser(SlackPayloads.Developer, "Diego Siciliani");
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Generated_activities_to_api_messages_get_a_2xx_or_a_4xx_and_never_a_5xx_or_a_hang()
    {
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        var scenario = new ReleaseScenario(host, bot);
        var megan = TeamsUser.Named("megan", "Megan Bowen");
        var (plan, thread) = await scenario.InReviewAsync([megan]);
        var users = new[] { scenario.Owner, megan, TeamsUser.Named("dev", "Diego Siciliani"), TeamsUser.Named("mallory", "Mallory") };
        var conversations = new[]
        {
            scenario.OwnerChat, TeamsConversation.Personal("megan"), TeamsConversation.Personal("dev"), scenario.Releases, thread,
            TeamsConversation.Channel("19:elsewhere@thread.tacv2", tenantId: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"),
        };
        var cases = new TeamsCases(users, conversations, plan.Id, plan.Revision).All;

        var report = await FuzzRunner.RunAsync(cases, Seed, TeamsCaseCount, async (c, ct) =>
        {
            var response = await bot.PostRawAsync(c.Body, cancellationToken: ct);
            return (response.Status, response.Body);
        });
        var still = await bot.SayAsync(scenario.OwnerChat, scenario.Owner, "help");

        Report("POST /api/messages", report, host.Logs);
        Assert.Single(still);
        AssertClean(report, host.Logs);
    }

    public static TheoryData<string> SlackEndpoints => new("events", "commands", "interactivity");

    [Theory]
    [MemberData(nameof(SlackEndpoints))]
    public async Task Generated_signed_slack_requests_get_a_2xx_or_a_4xx_and_never_a_5xx_or_a_hang(string endpoint)
    {
        var settings = SlackClient.Settings(slack);
        // Room for every case at once: a full queue answers 503 on purpose (Slack retries it), which is not what is measured here.
        settings["Slack:QueueCapacity"] = "4096";
        using var host = new ReliabilityHost(database.Path, new FaultyConnector(), settings);
        using var client = new SlackClient(host);
        await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("plan Contoso.Web 2.4")));
        await client.WhenIdleAsync();
        var cases = endpoint switch
        {
            "events" => SlackCases.Events,
            "commands" => SlackCases.Commands,
            _ => SlackCases.Interactions,
        };

        var report = await FuzzRunner.RunAsync(cases, Seed, SlackCaseCount, async (c, ct) =>
        {
            var response = await client.PostAsync($"/api/slack/{endpoint}", c.Body, c.ContentType, c.Headers, timestampText: c.Timestamp, cancellationToken: ct);
            return (response.Status, response.Body);
        });
        await client.WhenIdleAsync();
        var before = slack.Messages().Count;
        await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help", user: SlackPayloads.Developer, channel: "D0DEV")));
        await client.WhenIdleAsync();

        Report($"POST /api/slack/{endpoint}", report, host.Logs);
        Assert.Equal(before + 1, slack.Messages().Count);
        AssertClean(report, host.Logs);
    }

    /// <summary>Errors in the logs: a turn that failed in the background, or an exception the host caught at its edge.</summary>
    private static List<LogEntry> Errors(LogSink logs) => logs.AtLeast(LogLevel.Error).ToList();

    private void Report(string endpoint, FuzzReport report, LogSink logs)
    {
        var figures = new Figures(output, $"Fuzz {endpoint}");
        figures.Add("seed", report.Seed);
        figures.Add("cases run", report.Cases);
        figures.Add("2xx", report.Status2xx);
        figures.Add("4xx", report.Status4xx);
        figures.Add("5xx", report.Status5xx);
        figures.Add("exceptions or no answer within 15 s", report.NoAnswer);
        figures.Add("exceptions logged at the edge (the 5xx)", Errors(logs).Count(AtTheEdge));
        figures.Add("turns failed in the background (errors logged, no reply)", Errors(logs).Count(e => !AtTheEdge(e)));
        figures.Add("statuses", string.Join(", ", report.ByStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
        figures.Add("slowest answer (ms)", (int)report.Slowest.TotalMilliseconds);
        figures.Add("run time (s)", Math.Round(report.Elapsed.TotalSeconds, 1));
        var kinds = report.ByKind.GroupBy(p => KindGroup(p.Key)).Select(g => $"{g.Key}: {g.Sum(p => p.Value)}");
        figures.Add("cases by kind", string.Join(", ", kinds.Order(StringComparer.Ordinal)));
        foreach (var failure in report.Failures.Take(20))
        {
            output.WriteLine($"FAILURE {failure}");
        }

        foreach (var group in Errors(logs).GroupBy(Signature).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"ERROR LOGGED x{group.Count()}: {group.Key}");
        }
    }

    private static bool AtTheEdge(LogEntry entry) => entry.Category.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal);

    /// <summary>The family a generated case belongs to, for the counts.</summary>
    private static string KindGroup(string kind) => kind switch
    {
        "odd form" => "not an object, random bytes, odd forms",
        _ when kind.StartsWith("odd header", StringComparison.Ordinal) => "odd headers (timestamp past 9999 or not a number, retry headers)",
        _ when kind.StartsWith("well-formed", StringComparison.Ordinal) => "well-formed",
        _ when kind.StartsWith("wrong type", StringComparison.Ordinal) || kind.StartsWith("odd ", StringComparison.Ordinal) => "wrong types and odd values",
        _ when kind.StartsWith("missing", StringComparison.Ordinal) => "missing fields",
        _ when kind.StartsWith("nested", StringComparison.Ordinal) => "deep nesting (64 to 1000 levels)",
        _ when kind.Contains(" KB ", StringComparison.Ordinal) => "huge strings (200 KB to 1.1 MB)",
        _ when kind.StartsWith("unknown type", StringComparison.Ordinal) => "unknown activity types",
        _ when kind.StartsWith("invalid UTF-8", StringComparison.Ordinal) => "invalid UTF-8",
        _ when kind.StartsWith("truncated", StringComparison.Ordinal) => "truncated bodies",
        _ when kind.StartsWith("form that does not decode", StringComparison.Ordinal) => "undecodable forms",
        _ => "not an object, random bytes, odd forms",
    };

    /// <summary>An error's exception type, message and the first frame in PlanBot's own code: what tells one bug from another.</summary>
    private static string Signature(LogEntry entry)
    {
        if (entry.Exception is not { } exception)
        {
            return $"{entry.Category}: {entry.Message}";
        }

        var lines = exception.Split('\n', StringSplitOptions.TrimEntries);
        var frame = lines.FirstOrDefault(l => l.StartsWith("at PlanBot.", StringComparison.Ordinal)) ?? lines.ElementAtOrDefault(1) ?? string.Empty;
        var cut = frame.IndexOf(" in /", StringComparison.Ordinal);
        var where = frame.LastIndexOf('/') is var slash and >= 0 && cut >= 0 ? $"{frame[..cut]} ({frame[(slash + 1)..]})" : frame;
        return $"{entry.Category}: {lines[0]} {where}";
    }

    private static void AssertClean(FuzzReport report, LogSink logs)
    {
        Assert.True(report.Status5xx == 0 && report.NoAnswer == 0, $"{report.Status5xx} answers were 5xx and {report.NoAnswer} got no answer; first: {report.Failures.FirstOrDefault()}");
        var errors = Errors(logs);
        Assert.True(errors.Count == 0, $"{errors.Count} errors logged; first: {errors.FirstOrDefault()}");
    }
}
