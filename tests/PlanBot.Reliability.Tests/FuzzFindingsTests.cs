using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// The smallest requests that reproduce what the fuzzing found, one per failure: each must be
/// answered with a 2xx or a 4xx and leave no error in the logs.
/// </summary>
public sealed class FuzzFindingsTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private readonly TeamsUser owner = TeamsUser.Named("owner", "Dana Owner");
    private readonly TeamsConversation chat = TeamsConversation.Personal("owner");
    private FakeSlack slack = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser(SlackPayloads.Owner, "Alex Wilber");
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    public void Dispose() => database.Dispose();

    public static TheoryData<string> TeamsFindings => new(
        "invalid UTF-8 in channelData.tenant.id",
        "invalid UTF-8 in an Action.Submit value",
        "invalid UTF-8 in an entity",
        "9999-12-31 as a date, then status",
        "9999-12-31 in a time window");

    [Theory]
    [MemberData(nameof(TeamsFindings))]
    public async Task Teams_requests_the_fuzzing_found_get_a_2xx_or_4xx_and_log_no_error(string finding)
    {
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        TeamsResponse response;
        switch (finding)
        {
            case "invalid UTF-8 in channelData.tenant.id":
                response = await bot.PostRawAsync(WithInvalidUtf8(TeamsActivities.Message(chat, owner, "status"), a => a["channelData"]!["tenant"]!["id"] = "§"));
                break;
            case "invalid UTF-8 in an Action.Submit value":
                var submit = TeamsActivities.Message(chat, owner, string.Empty);
                submit["value"] = new JsonObject { ["verb"] = "answer", ["answer"] = "§" };
                response = await bot.PostRawAsync(WithInvalidUtf8(submit, _ => { }));
                break;
            case "invalid UTF-8 in an entity":
                response = await bot.PostRawAsync(WithInvalidUtf8(TeamsActivities.Message(chat, owner, "status"), a => a["entities"]![0]!["timezone"] = "§"));
                break;
            case "9999-12-31 as a date, then status":
                await bot.SayAsync(chat, owner, "edit timing");
                // Refused as a typing mistake (more than ten years ahead), so nothing can overflow later.
                Assert.Contains("years ahead", Assert.Single(await bot.SayAsync(chat, owner, "9999-12-31")).Text, StringComparison.Ordinal);
                response = await bot.PostAsync(TeamsActivities.Message(chat, owner, "status"));
                break;
            default:
                await bot.SayAsync(chat, owner, "edit timing");
                await bot.SayAsync(chat, owner, "skip");
                await bot.SayAsync(chat, owner, "skip");
                response = await bot.PostAsync(TeamsActivities.Message(chat, owner, "9999-12-31 22:00 to 02:00"));
                break;
        }

        Report(finding, (int)response.Status, response.Body, host.Logs);
        Assert.True((int)response.Status < 500, $"{(int)response.Status}: {Short(response.Body)}");
        Assert.Empty(host.Logs.AtLeast(LogLevel.Error));
    }

    public static TheoryData<string> SlackFindings => new(
        "event with an empty event_id",
        "event with a blank event_id",
        "reject button with an empty planId",
        "answer-form button with an empty questionId",
        "direct message with an empty channel",
        "direct message from a blank user id",
        "button in a message whose channel id is empty",
        "slash command with a blank channel_id",
        "event signed at a timestamp past the year 9999");

    [Theory]
    [MemberData(nameof(SlackFindings))]
    public async Task Slack_requests_the_fuzzing_found_get_a_2xx_or_4xx_and_log_no_error(string finding)
    {
        using var host = new ReliabilityHost(database.Path, new FaultyConnector(), SlackClient.Settings(slack));
        using var client = new SlackClient(host);
        SlackResponse response;
        switch (finding)
        {
            case "event with an empty event_id":
            case "event with a blank event_id":
                response = await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help"), eventId: finding.Contains("empty", StringComparison.Ordinal) ? string.Empty : " "));
                break;
            case "reject button with an empty planId":
                response = await client.InteractionAsync(SlackPayloads.BlockAction("reject", """{"planId":"","revision":"3"}""", SlackPayloads.Owner, SlackPayloads.ReleaseChannel, "releases", "1700000000.000100"));
                break;
            case "answer-form button with an empty questionId":
                response = await client.InteractionAsync(SlackPayloads.BlockAction("answer_form", """{"planId":"p1","questionId":""}""", SlackPayloads.Owner, SlackPayloads.OwnerDm, "directmessage", "1700000000.000100"));
                break;
            case "direct message with an empty channel":
                response = await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help", channel: string.Empty)));
                break;
            case "direct message from a blank user id":
                response = await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help", user: " ")));
                break;
            case "button in a message whose channel id is empty":
                response = await client.InteractionAsync(SlackPayloads.BlockAction("skip", "{}", SlackPayloads.Owner, string.Empty, "directmessage", "1700000000.000100"));
                break;
            case "event signed at a timestamp past the year 9999":
                var body = Encoding.UTF8.GetBytes(SlackPayloads.Envelope(SlackPayloads.DirectMessage("help")).ToJsonString());
                response = await client.PostAsync("/api/slack/events", body, "application/json", timestampText: "999999999999");
                Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
                break;
            default:
                response = await client.CommandAsync(SlackPayloads.Command("help", channel: " "));
                break;
        }

        await client.WhenIdleAsync();
        Report(finding, (int)response.Status, response.Body, host.Logs);
        Assert.True((int)response.Status < 500, $"{(int)response.Status}: {Short(response.Body)}");
        Assert.Empty(host.Logs.AtLeast(LogLevel.Error));
    }

    /// <summary>The activity's JSON with the placeholder <c>§</c> replaced by bytes that are not UTF-8.</summary>
    private static byte[] WithInvalidUtf8(JsonObject activity, Action<JsonObject> place)
    {
        place(activity);
        var bytes = Encoding.UTF8.GetBytes(activity.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ToList();
        var marker = Encoding.UTF8.GetBytes("§");
        var at = Enumerable.Range(0, bytes.Count - 1).First(i => bytes[i] == marker[0] && bytes[i + 1] == marker[1]);
        bytes.RemoveRange(at, marker.Length);
        bytes.InsertRange(at, [0xC3, 0x28, 0xFF]);
        return [.. bytes];
    }

    private void Report(string finding, int status, string body, LogSink logs)
    {
        var errors = logs.AtLeast(LogLevel.Error);
        output.WriteLine($"FIGURE Fuzz finding | {finding} | HTTP {status}, {errors.Count} error(s) logged");
        foreach (var error in errors.Take(3))
        {
            output.WriteLine($"ERROR LOGGED {error.Category}: {error.Exception?.Split('\n').Take(3).Aggregate((a, b) => a + " / " + b.Trim()) ?? error.Message}");
        }

        if (status >= 500)
        {
            output.WriteLine($"BODY {Short(body)}");
        }
    }

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
