using System.Text.Json.Nodes;
using PlanBot.Cards.Actions;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>
/// Deployment day in the Teams emulator, from the approval on: the owner starts the deployment, the
/// run sheet is posted in the plan's thread and its steps ticked off with its buttons, and then either
/// every success criterion passes and the release is done, or one fails, the backout plan comes out
/// with its decider @mentioned, and the release is rolled back. The approval card keeps the timeline.
/// </summary>
public sealed class DeploymentDayInPlaygroundTests(ITestOutputHelper output)
{
    private const string Megan = "user-id-1";

    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["approvers"] = "meganb@contoso.example",
        ["rollout-order"] = "web on web-1 after api\napi on api-1 after database\ndatabase on sql-1",
        ["done"] = "Smoke tests pass in every region",
        ["success-evidence"] = "Error rate under 0.1% for an hour",
        [PlanChecklist.BackoutTriggers] = "Smoke tests failing 20 minutes into the window",
        [PlanChecklist.BackoutSteps] = "Swap the slots back, then redeploy api 2.3",
        [PlanChecklist.BackoutDecider] = "meganb@contoso.example",
    };

    [NodeFact]
    public async Task An_approved_plan_is_deployed_step_by_step_and_done_when_every_criterion_passes()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var (thread, request) = await ApprovedAsync(playground);
        var chat = playground.Conversations.PersonalChat;

        (await playground.SendAsync(chat, "start deployment")).EnsureBotSucceeded();
        var sheet = await CardInThreadAsync(playground, thread, CardVerbs.StepDone);
        Assert.Contains("database", Shown.Of(sheet), StringComparison.Ordinal);
        for (var step = 1; step <= 3; step++)
        {
            var done = await playground.ExecuteActionAsync(thread, sheet.MessageId, CardVerbs.StepDone, Data(sheet, CardVerbs.StepDone, step));
            done.Turn.EnsureBotSucceeded();
        }

        await playground.WaitForMessageAsync(m => m.MessageId == sheet.MessageId && Count(Shown.Of(m), "Done · ") == 3, TimeSpan.FromSeconds(20));

        (await playground.SendAsync(chat, "deployed")).EnsureBotSucceeded();
        var checklist = await CardInThreadAsync(playground, thread, CardVerbs.CheckPass);
        for (var criterion = 1; criterion <= 2; criterion++)
        {
            (await playground.ExecuteActionAsync(thread, checklist.MessageId, CardVerbs.CheckPass, Data(checklist, CardVerbs.CheckPass, criterion))).Turn.EnsureBotSucceeded();
        }

        await playground.WaitForMessageAsync(m => m.ConversationId.StartsWith(playground.Conversations.Releases, StringComparison.Ordinal) && Shown.Of(m).Contains("the release is done", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        await playground.WaitForMessageAsync(m => m.MessageId == request.MessageId && Shown.Of(m).Contains("done", StringComparison.Ordinal) && Shown.Of(m).Contains("deploying", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        var plan = await StoredAsync(session);
        Assert.Equal(PlanState.Done, plan.State);
        Assert.Equal([PlanState.Deploying, PlanState.Deployed, PlanState.Done], plan.Timeline!.Select(e => e.State));
        Assert.Equal([1, 2, 3], plan.StepReports!.Where(r => r.Done).Select(r => r.Step).Order());
    }

    [NodeFact]
    public async Task A_failed_criterion_brings_out_the_backout_plan_and_the_release_is_rolled_back()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var (thread, _) = await ApprovedAsync(playground);
        var chat = playground.Conversations.PersonalChat;
        (await playground.SendAsync(chat, "start deployment")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "deployed")).EnsureBotSucceeded();
        var checklist = await CardInThreadAsync(playground, thread, CardVerbs.CheckPass);

        var data = Data(checklist, CardVerbs.CheckFail, 2);
        data[CardInputIds.Note] = "Error rate 2% after twenty minutes";
        (await playground.ExecuteActionAsync(thread, checklist.MessageId, CardVerbs.CheckFail, data)).Turn.EnsureBotSucceeded();

        // The backout plan, in the thread, with the one who decides @mentioned so Teams tells them.
        var backout = await playground.WaitForMessageAsync(
            m => m.ConversationId.StartsWith(playground.Conversations.Releases, StringComparison.Ordinal) && Shown.Of(m).Contains("Backout steps", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));
        var said = Shown.Of(backout);
        Assert.Contains("Smoke tests failing 20 minutes into the window", said, StringComparison.Ordinal);
        Assert.Contains("Swap the slots back", said, StringComparison.Ordinal);
        Assert.Contains(Mentioned(backout), id => id == Megan);

        (await playground.SendAsync(chat, "rolled back Error rate stayed at 2%")).EnsureBotSucceeded();
        var plan = await StoredAsync(session);
        Assert.Equal(PlanState.RolledBack, plan.State);
        Assert.Equal([PlanState.Deploying, PlanState.Deployed, PlanState.RolledBack], plan.Timeline!.Select(e => e.State));
    }

    /// <summary>The plan drafted by typing, submitted, and approved by Megan on the card in the release channel.</summary>
    private static async Task<(string Thread, BotMessage Request)> ApprovedAsync(AgentsPlayground playground)
    {
        var releases = playground.Conversations.Releases;
        var chat = playground.Conversations.PersonalChat;
        (await playground.TriggerInstallationAsync(playground.Conversations.TeamGeneral)).EnsureBotSucceeded();
        (await playground.SendToBotAsync(releases, "channel set Contoso.Web")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();
        foreach (var question in PlanChecklist.Questions)
        {
            (await playground.SendAsync(chat, Answers.GetValueOrDefault(question.Id) ?? InterviewAnswers.For(question))).EnsureBotSucceeded();
        }

        (await playground.SendAsync(chat, "submit")).EnsureBotSucceeded();
        var request = await playground.WaitForMessageAsync(m => m.ConversationId == releases && m.AdaptiveCards.Any(), TimeSpan.FromSeconds(20));
        var thread = request.PostConversationId ?? $"{releases};messageid={request.MessageId}";
        var content = request.AdaptiveCards.First().Content!;
        var refresh = await playground.InvokeAsync(
            "adaptiveCard/action",
            new JsonObject { ["action"] = content["refresh"]!["action"]!.DeepClone(), ["trigger"] = "automatic" },
            thread,
            request.MessageId,
            Megan);
        var approve = Walk(refresh.Response!["value"]).OfType<JsonObject>().First(o => o["verb"]?.GetValue<string>() == CardVerbs.Approve);
        (await playground.ExecuteActionAsync(thread, request.MessageId, CardVerbs.Approve, approve["data"]!.AsObject(), Megan)).Turn.EnsureBotSucceeded();
        await playground.WaitForMessageAsync(m => m.MessageId == request.MessageId && Shown.Of(m).Contains("approved", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(20));
        return (thread, request);
    }

    /// <summary>The card in the plan's thread with a button of <paramref name="verb"/>.</summary>
    private static Task<BotMessage> CardInThreadAsync(AgentsPlayground playground, string thread, string verb) =>
        playground.WaitForMessageAsync(
            m => (m.ConversationId == thread || m.ConversationId.StartsWith(playground.Conversations.Releases, StringComparison.Ordinal))
                && m.AdaptiveCards.Any(c => Walk(c.Content).OfType<JsonObject>().Any(o => o["verb"]?.GetValue<string>() == verb)),
            TimeSpan.FromSeconds(20));

    /// <summary>The data of the button of <paramref name="verb"/> for step or criterion <paramref name="number"/>, as Teams sends it.</summary>
    private static JsonObject Data(BotMessage card, string verb, int number)
    {
        var key = verb is CardVerbs.StepDone or CardVerbs.StepProblem ? CardDataKeys.Step : CardDataKeys.Criterion;
        var action = card.AdaptiveCards.SelectMany(c => Walk(c.Content)).OfType<JsonObject>()
            .First(o => o["verb"]?.GetValue<string>() == verb && o["data"]?[key]?.GetValue<int>() == number);
        return action["data"]!.DeepClone().AsObject();
    }

    private static IEnumerable<string> Mentioned(BotMessage message) =>
        message.Raw["entities"] is JsonArray entities
            ? entities.OfType<JsonObject>().Where(e => e["type"]?.GetValue<string>() == "mention").Select(e => e["mentioned"]!["id"]!.GetValue<string>())
            : message.AdaptiveCards.SelectMany(c => c.Content?["msteams"]?["entities"]?.AsArray() ?? []).OfType<JsonObject>().Select(e => e["mentioned"]!["id"]!.GetValue<string>());

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static async Task<Plan> StoredAsync(PlaygroundSession session)
    {
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = session.DatabasePath });
        var stored = await store.FindPlanAsync($"msteams:{session.Playground.Config.TenantId}", "Contoso.Web", "2.4", CancellationToken.None);
        return Assert.IsType<Plan>(stored?.Document.Plan);
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}
