using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Slack.Signing;
using PlanBot.Testing;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// Abuse, with an app id configured: forged and replayed credentials, card actions that point at
/// what the clicker may not touch, oversized answers, and text that tries to become markup.
/// Everything is refused or shown literally, and nothing is changed.
/// </summary>
public sealed class AbuseTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Hostile = """<at>Boss</at> [x](https://evil) **bold** {"type":"Action.OpenUrl","url":"https://evil"}""";

    private readonly TempDatabase database = new();
    private readonly FaultyConnector connector = new();
    private AuthenticatedWorld world = null!;
    private ReliabilityHost host = null!;
    private TeamsClient bot = null!;

    public async Task InitializeAsync()
    {
        world = await AuthenticatedWorld.StartAsync();
        host = world.Host(database.Path, connector);
        bot = host.NewClient();
        bot.Bearer = world.Bearer;
    }

    public async Task DisposeAsync()
    {
        bot.Dispose();
        await host.DisposeAsync();
        await world.DisposeAsync();
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Forged_tokens_are_refused_with_401_or_403_and_change_nothing()
    {
        var figures = new Figures(output, "Abuse: forged Bot Framework tokens (app id configured, local OpenID metadata)");
        var forgeries = new Dictionary<string, string?>
        {
            ["no Authorization header"] = null,
            ["not a bearer token"] = "Basic dXNlcjpwYXNz",
            ["garbage"] = "Bearer abc.def.ghi",
            ["signed by an unknown key"] = "Bearer " + world.ConnectorToken(key: new TestSigningKey("unknown-kid", ["msteams"], material: 1)),
            ["a known key id over another key's signature"] = "Bearer " + world.ConnectorToken(key: new TestSigningKey("bf-key-1", ["msteams"], material: 1)),
            ["for another audience"] = "Bearer " + world.ConnectorToken(c => c.With("aud", TestIds.OtherAppId)),
            ["from an untrusted issuer"] = "Bearer " + world.ConnectorToken(c => c.With("iss", "https://login.evil.example/")),
            ["expired an hour ago"] = "Bearer " + world.ConnectorToken(c => c.With("nbf", DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds()).With("exp", DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds())),
            ["not valid for another hour"] = "Bearer " + world.ConnectorToken(c => c.With("nbf", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()).With("exp", DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds())),
            ["issued for another service URL"] = "Bearer " + world.ConnectorToken(c => c.With("serviceurl", TestIds.EmeaServiceUrl)),
            ["alg none"] = "Bearer " + AuthenticatedWorld.WithoutSignature(),
            ["HS256 keyed with the app password"] = "Bearer " + AuthenticatedWorld.SignedWithThePassword(),
        };

        var statuses = new Dictionary<string, HttpStatusCode>();
        var i = 0;
        foreach (var (name, header) in forgeries)
        {
            var activity = TeamsActivities.Message(TeamsConversation.Personal($"forged-{i++}"), TeamsUser.Named("mallory", "Mallory"), "plan Contoso.Web 6.6");
            statuses[name] = (await bot.PostAsync(activity, header ?? string.Empty)).Status;
        }

        // A token endorsed for Teams, presented for an activity of another channel.
        var webchat = TeamsActivities.Message(TeamsConversation.Personal("forged-webchat"), TeamsUser.Named("mallory", "Mallory"), "plan Contoso.Web 6.6");
        webchat["channelId"] = "webchat";
        statuses["a Teams-endorsed key used for another channel"] = (await bot.PostAsync(webchat)).Status;
        var rowsAfterForgeries = RawDatabase.Count(database.Path, "plans") + RawDatabase.Count(database.Path, "conversations");
        var repliesAfterForgeries = connector.Attempts;

        // The same request with a good token goes through: the refusals were the tokens, not the request.
        var genuine = await bot.PostAsync(TeamsActivities.Message(TeamsConversation.Personal("genuine"), TeamsUser.Named("dana", "Dana"), "plan Contoso.Web 6.6"));

        foreach (var (name, status) in statuses)
        {
            figures.Add($"forged: {name}", (int)status);
        }

        figures.Add("forged requests", statuses.Count);
        figures.Add("refused with 401/403", statuses.Values.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden));
        figures.Add("rows written and replies sent for them", rowsAfterForgeries + repliesAfterForgeries);
        figures.Add("genuine request", (int)genuine.Status);

        Assert.All(statuses, s => Assert.True(s.Value is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{s.Key}: {s.Value}"));
        Assert.Equal(0, rowsAfterForgeries);
        Assert.Equal(0, repliesAfterForgeries);
        Assert.Equal(HttpStatusCode.OK, genuine.Status);
        Assert.StartsWith("Bearer connector-token-", Assert.Single(connector.Delivered).Call.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_slack_signature_with_a_stale_timestamp_is_refused_and_runs_nothing()
    {
        var figures = new Figures(output, "Abuse: replayed and tampered Slack signatures");
        using var slack = new SlackClient(host);
        var body = Encoding.UTF8.GetBytes(SlackPayloads.Envelope(SlackPayloads.DirectMessage("plan Contoso.Web 7.7")).ToJsonString());
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var refused = new Dictionary<string, HttpStatusCode>();
        foreach (var (name, ts, tamper) in new (string, long, bool)[]
        {
            ("signed 5 min 1 s ago, replayed now", now - 301, false),
            ("signed an hour ago, replayed now", now - 3600, false),
            ("dated 5 min 10 s ahead", now + 310, false),
            ("fresh signature over another body", now, true),
        })
        {
            var stamp = ts.ToString(CultureInfo.InvariantCulture);
            var signature = SlackSignatureVerifier.Sign(SlackClient.SigningSecret, stamp, body);
            var sent = tamper ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("7.7", "7.8", StringComparison.Ordinal)) : body;
            refused[name] = (await slack.PostAsync("/api/slack/events", sent, "application/json", timestamp: ts, signature: signature)).Status;
        }

        await slack.WhenIdleAsync();
        var callsAfterRefusals = world.Slack.Calls.Count;
        var rowsAfterRefusals = RawDatabase.Count(database.Path, "conversations");

        // A replay inside the five minutes passes the signature check, and is still processed once.
        var stampNow = now.ToString(CultureInfo.InvariantCulture);
        var fresh = SlackSignatureVerifier.Sign(SlackClient.SigningSecret, stampNow, body);
        var first = await slack.PostAsync("/api/slack/events", body, "application/json", timestamp: now, signature: fresh);
        var replay = await slack.PostAsync("/api/slack/events", body, "application/json", timestamp: now, signature: fresh);
        await slack.WhenIdleAsync();

        foreach (var (name, status) in refused)
        {
            figures.Add($"refused: {name}", (int)status);
        }

        figures.Add("Web API calls and rows for the refused ones", callsAfterRefusals + rowsAfterRefusals);
        figures.Add("replies to a fresh request replayed within the window (expected 1)", world.Slack.CallsTo("chat.postMessage").Count);

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.Value));
        Assert.Equal(0, callsAfterRefusals + rowsAfterRefusals);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, replay.Status));
        Assert.Single(world.Slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Card_actions_for_another_tenants_plan_another_plan_a_changed_revision_or_from_a_non_approver_are_refused_and_change_nothing()
    {
        var figures = new Figures(output, "Abuse: card actions pointing where the clicker may not decide");
        var web = new ReleaseScenario(host, bot);
        var api = new ReleaseScenario(host, bot, "Contoso.Api");
        var megan = TeamsUser.Named("megan", "Megan Bowen");
        var adele = TeamsUser.Named("adele", "Adele Vance");
        var (webPlan, webThread) = await web.InReviewAsync([megan]);
        await api.SetReleaseChannelAsync();
        await api.DraftAsync([adele]);
        var (apiPlan, apiThread) = await api.SubmitAsync();
        var beforeWeb = Snapshot(await web.PlanAsync());
        var beforeApi = Snapshot(await api.PlanAsync());

        // Megan, in another tenant where she is also a Teams user, with the same card data.
        var otherTenant = TeamsConversation.Channel("19:elsewhere@thread.tacv2", tenantId: "0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d");
        var attempts = new Dictionary<string, JsonObject>
        {
            ["another tenant's plan id"] = TeamsActivities.Decide(otherTenant, megan, webPlan.Id, webPlan.Revision),
            ["another plan's id (not her plan)"] = TeamsActivities.Decide(webThread, megan, apiPlan.Id, apiPlan.Revision),
            ["another plan's id, from that plan's thread"] = TeamsActivities.Decide(apiThread, megan, apiPlan.Id, apiPlan.Revision),
            ["a later revision"] = TeamsActivities.Decide(webThread, megan, webPlan.Id, webPlan.Revision + 1),
            ["an earlier revision"] = TeamsActivities.Decide(webThread, megan, webPlan.Id, webPlan.Revision - 1),
            ["revision 0"] = TeamsActivities.Decide(webThread, megan, webPlan.Id, 0),
            ["revision int.MaxValue"] = TeamsActivities.Decide(webThread, megan, webPlan.Id, int.MaxValue),
            ["revision as text"] = TeamsActivities.Execute(webThread, megan, "approve", new JsonObject { ["planId"] = webPlan.Id, ["revision"] = "latest" }),
            ["revision as a fraction"] = TeamsActivities.Execute(webThread, megan, "approve", new JsonObject { ["planId"] = webPlan.Id, ["revision"] = webPlan.Revision + 0.5 }),
            ["revision negative"] = TeamsActivities.Execute(webThread, megan, "approve", new JsonObject { ["planId"] = webPlan.Id, ["revision"] = -webPlan.Revision }),
            ["no revision"] = TeamsActivities.Execute(webThread, megan, "approve", new JsonObject { ["planId"] = webPlan.Id }),
            ["a made-up plan id"] = TeamsActivities.Decide(webThread, megan, "0123456789abcdef0123456789abcdef", webPlan.Revision),
            ["a non-approver (the owner) approving"] = TeamsActivities.Decide(webThread, web.Owner, webPlan.Id, webPlan.Revision),
            ["a non-approver approving her own plan's card"] = TeamsActivities.Decide(webThread, adele, webPlan.Id, webPlan.Revision),
            ["a rejection without a reason"] = TeamsActivities.Decide(webThread, megan, webPlan.Id, webPlan.Revision, "reject"),
            ["a non-approver typing approve in the thread"] = TeamsActivities.Message(webThread, adele, "approve"),
        };

        var refusals = new Dictionary<string, string>();
        foreach (var (name, activity) in attempts)
        {
            var response = await bot.PostAsync(activity);
            Assert.True(response.Status == HttpStatusCode.OK, $"{name}: {response.Status} {response.Body}");
            refusals[name] = response.Body;
        }

        var afterWeb = Snapshot(await web.PlanAsync());
        var afterApi = Snapshot(await api.PlanAsync());
        figures.Add("forged card actions", attempts.Count);
        figures.Add("decisions recorded", (await web.PlanAsync()).Decisions.Count + (await api.PlanAsync()).Decisions.Count);
        figures.Add("plans changed", (beforeWeb == afterWeb ? 0 : 1) + (beforeApi == afterApi ? 0 : 1));

        Assert.Equal(beforeWeb, afterWeb);
        Assert.Equal(beforeApi, afterApi);
        Assert.Contains("does not exist here", refusals["another tenant's plan id"], StringComparison.Ordinal);
        Assert.Contains("Only the approvers", refusals["another plan's id (not her plan)"], StringComparison.Ordinal);
        Assert.Contains("changed since this was shown", refusals["a later revision"], StringComparison.Ordinal);
        Assert.Contains("Only the approvers", refusals["a non-approver (the owner) approving"], StringComparison.Ordinal);

        // The genuine click still works afterwards.
        var genuine = await bot.PostAsync(TeamsActivities.Decide(webThread, megan, webPlan.Id, webPlan.Revision));
        Assert.Contains($"approved revision {webPlan.Revision}", genuine.Body, StringComparison.Ordinal);
        Assert.Equal(PlanState.Approved, (await web.PlanAsync()).State);
    }

    [Fact]
    public async Task Answers_over_three_thousand_characters_are_refused_and_not_stored()
    {
        var figures = new Figures(output, "Abuse: oversized answers (limit 3,000 characters)");
        var owner = TeamsUser.Named("owner", "Dana Owner");
        var chat = TeamsConversation.Personal("owner");
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");

        var typed = await bot.SayAsync(chat, owner, new string('x', 3001));
        var submitted = await bot.StepAsync(Submit(chat, owner, new string('y', 3001)));
        var wide = await bot.SayAsync(chat, owner, string.Concat(Enumerable.Repeat("😀", 1501)));
        var stored = (await host.PlanAsync(chat))!;
        var exact = await bot.SayAsync(chat, owner, new string('z', 3000));
        var accepted = (await host.PlanAsync(chat))!;

        figures.Add("oversized answers sent (typed, card, surrogate pairs)", 3);
        figures.Add("oversized answers stored", stored.Answers.Count);
        figures.Add("3,000 characters exactly", accepted.AnswerTo(PlanChecklist.Questions[0].Id)?.Value.Text.Length == 3000 ? "stored" : "refused");

        foreach (var refused in new[] { typed, submitted, wide })
        {
            Assert.Contains("the limit is 3,000", Assert.Single(refused).Text, StringComparison.Ordinal);
        }

        Assert.Empty(stored.Answers);
        Assert.Contains("Saved.", Assert.Single(exact).Text, StringComparison.Ordinal);
        Assert.Equal(3000, accepted.AnswerTo(PlanChecklist.Questions[0].Id)?.Value.Text.Length);
    }

    [Fact]
    public async Task Text_that_tries_to_be_markup_or_a_mention_is_stored_as_typed_and_shown_literally_in_cards()
    {
        var figures = new Figures(output, "Abuse: markup and mention injection in an answer, shown on cards");
        var owner = TeamsUser.Named("owner", "Dana Owner");
        var chat = TeamsConversation.Personal("owner");
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        await bot.SayAsync(chat, owner, "edit risks");
        var saved = await bot.SayAsync(chat, owner, Hostile);
        var shown = await bot.SayAsync(chat, owner, "show");
        await bot.SayAsync(chat, owner, "edit timing");
        var refusedDate = await bot.SayAsync(chat, owner, Hostile);
        var stored = (await host.PlanAsync(chat))!.AnswerTo("risks")?.Value.Text;

        var cards = shown.Concat(refusedDate).Concat(saved).Select(d => d.Call.Card).OfType<JsonElement>().ToList();
        var problems = cards.SelectMany(CardProblems).ToList();
        figures.Add("cards checked", cards.Count);
        figures.Add("stored as typed", stored == Hostile);
        figures.Add("mention entities, links, actions or formatting made from the text", problems.Count);

        Assert.Equal(Hostile, stored);
        Assert.True(cards.Count >= 2, "expected the summary and the question to be cards");
        Assert.Contains(cards, c => c.ToString().Contains("Boss", StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Text_that_tries_to_be_markup_is_shown_literally_in_text_replies_too()
    {
        var figures = new Figures(output, "Abuse: markup and mention injection echoed in text (markdown) replies");
        var megan = TeamsUser.Named("megan", "Megan Bowen");
        var web = new ReleaseScenario(host, bot);
        var (plan, thread) = await web.InReviewAsync([megan]);

        var rejected = await bot.StepAsync(TeamsActivities.Decide(thread, megan, plan.Id, plan.Revision, "reject", reason: Hostile));
        var edit = await bot.SayAsync(web.OwnerChat, web.Owner, "edit [x](https://evil)");
        var texts = rejected.Concat(edit).Where(d => d.Call.Card is null).ToList();
        var leaks = texts.Where(d => LooksLikeMarkup(RawText(d))).Select(d => RawText(d)).ToList();

        figures.Add("text replies quoting the hostile text", texts.Count);
        figures.Add("of them rendering it as markup (link, bold or mention)", leaks.Count);
        foreach (var leak in leaks)
        {
            output.WriteLine($"rendered as markdown: {leak}");
        }

        Assert.NotEmpty(texts);
        Assert.Empty(leaks);
    }

    private static JsonObject Submit(TeamsConversation chat, TeamsUser from, string answer)
    {
        var activity = TeamsActivities.Message(chat, from, string.Empty);
        activity.Remove("text");
        activity["value"] = new JsonObject { ["verb"] = "answer", ["answer"] = answer };
        return activity;
    }

    private static string Snapshot(Plan plan) =>
        JsonSerializer.Serialize(new { plan.State, plan.Revision, Decisions = plan.Decisions.Select(d => $"{d.Approver.Id} {d.Verdict} {d.Revision} {d.Stale}"), History = plan.History.Select(h => h.What) });

    private static string RawText(Delivery delivery) => JsonNode.Parse(delivery.Body)?["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Chat markdown that would make a link, bold text or a mention out of the hostile text.</summary>
    private static bool LooksLikeMarkup(string markdown) =>
        markdown.Contains("[x](https://evil)", StringComparison.Ordinal)
        || markdown.Contains("**bold**", StringComparison.Ordinal)
        || markdown.Contains("<at>Boss</at>", StringComparison.Ordinal);

    /// <summary>What the hostile text turned into on a card: a mention entity, a link, an action, or live formatting.</summary>
    private static IEnumerable<string> CardProblems(JsonElement card)
    {
        if (card.TryGetProperty("msteams", out var teams) && teams.TryGetProperty("entities", out var entities))
        {
            foreach (var entity in entities.EnumerateArray())
            {
                if (entity.ToString().Contains("Boss", StringComparison.Ordinal))
                {
                    yield return $"mention entity {entity}";
                }
            }
        }

        foreach (var (path, node) in Walk(card, "$"))
        {
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("type", out var type) && type.GetString() == "Action.OpenUrl")
            {
                yield return $"{path}: an Action.OpenUrl";
            }

            if (node.ValueKind == JsonValueKind.String && node.GetString() is { } text && text.Contains("Boss", StringComparison.Ordinal))
            {
                if (text.Contains("<at>", StringComparison.Ordinal))
                {
                    yield return $"{path}: raw <at> markup: {text}";
                }

                if (text.Contains("[x](", StringComparison.Ordinal) || text.Contains("](https://evil", StringComparison.Ordinal) && !text.Contains("\\]\\(https://evil", StringComparison.Ordinal))
                {
                    yield return $"{path}: a live link: {text}";
                }

                if (text.Contains("**bold**", StringComparison.Ordinal))
                {
                    yield return $"{path}: live bold: {text}";
                }
            }
        }
    }

    private static IEnumerable<(string Path, JsonElement Node)> Walk(JsonElement node, string path)
    {
        yield return (path, node);
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                foreach (var child in Walk(property.Value, $"{path}.{property.Name}"))
                {
                    yield return child;
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray())
            {
                foreach (var child in Walk(item, $"{path}[{i++}]"))
                {
                    yield return child;
                }
            }
        }
    }
}
