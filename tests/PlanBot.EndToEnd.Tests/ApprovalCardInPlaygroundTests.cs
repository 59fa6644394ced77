using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>
/// The approval card in the release channel, clicked through the emulator: the refresh gives the
/// approver the buttons, a non-approver's click is refused, the approver's click updates the card
/// for all, a rejection needs and shows its reason, and an edit afterwards makes decisions stale.
/// The emulator does not refresh cards itself, so the test sends the refresh invoke (trigger automatic).
/// </summary>
public sealed class ApprovalCardInPlaygroundTests(ITestOutputHelper output)
{
    private const string Megan = "user-id-1";
    private const string Adele = "user-id-2";

    [NodeFact]
    public async Task Approvers_decide_on_the_card_and_everyone_sees_it_updated()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var releases = playground.Conversations.Releases;
        var chat = playground.Conversations.PersonalChat;

        (await playground.TriggerInstallationAsync(playground.Conversations.TeamGeneral)).EnsureBotSucceeded();
        (await playground.SendToBotAsync(releases, "channel set Contoso.Web")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();
        foreach (var question in PlanChecklist.Questions)
        {
            (await playground.SendAsync(chat, question.Id == "approvers" ? "meganb@contoso.example" : InterviewAnswers.For(question))).EnsureBotSucceeded();
        }

        (await playground.SendAsync(chat, "submit")).EnsureBotSucceeded();
        var card = await playground.WaitForMessageAsync(m => m.ConversationId == releases && m.AdaptiveCards.Any(), TimeSpan.FromSeconds(20));
        var thread = card.PostConversationId ?? $"{releases};messageid={card.MessageId}";
        var content = card.AdaptiveCards.First().Content!;

        // The request @mentions the approver still to decide, so Teams notifies them: the card shows
        // the mention and carries its entity, with the same text.
        var entity = Assert.Single(content["msteams"]!["entities"]!.AsArray());
        Assert.Equal("mention", entity!["type"]!.GetValue<string>());
        Assert.Equal(Megan, entity["mentioned"]!["id"]!.GetValue<string>());
        Assert.Equal("<at>Megan Bowen</at>", entity["text"]!.GetValue<string>());
        Assert.Contains("Waiting for a decision from <at>Megan Bowen</at>", content["body"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);

        // Only approvers get the buttons: the refresh names them, and the card everyone sees has none.
        var userIds = content["refresh"]!["userIds"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal([Megan], userIds);
        Assert.DoesNotContain("Action.Execute\",\"title\":\"Approve", content.ToJsonString(), StringComparison.Ordinal);

        var refresh = await playground.InvokeAsync(
            "adaptiveCard/action",
            new JsonObject { ["action"] = content["refresh"]!["action"]!.DeepClone(), ["trigger"] = "automatic" },
            thread,
            card.MessageId,
            Megan);
        var approverCard = CardOf(refresh);
        var approve = FindAction(approverCard, "approve");
        var data = approve["data"]!.AsObject();

        // Someone not named in section 5 is refused on the card and nothing is recorded.
        var refused = await playground.ExecuteActionAsync(thread, card.MessageId, "approve", data, Adele);
        Assert.Contains("Only the approvers named in section 5", Shown.Of(refused.Turn).Concat([CardText(refused)]).Aggregate(string.Empty, string.Concat), StringComparison.Ordinal);

        // The approver's click: the answer card shows the decision, and the channel's card is updated for everyone.
        var approved = await playground.ExecuteActionAsync(thread, card.MessageId, "approve", data, Megan);
        Assert.Contains("Megan Bowen approved", CardText(approved), StringComparison.Ordinal);
        var updated = await playground.WaitForMessageAsync(m => m.MessageId == card.MessageId && m.Revision > card.Revision && Shown.Of(m).Contains("approved", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(20));
        Assert.Contains("Megan Bowen", Shown.Of(updated), StringComparison.Ordinal);

        // The owner hears of the decision in their personal chat.
        await playground.WaitForMessageAsync(m => m.ConversationId == chat && Shown.Of(m).Contains("Megan Bowen approved revision", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        // The same click again (a double click, or Teams retrying) counts once.
        var again = await playground.ExecuteActionAsync(thread, card.MessageId, "approve", data, Megan);
        Assert.Contains("already recorded", CardText(again), StringComparison.Ordinal);

        // A rejection needs a reason, and carries it.
        var noReason = await playground.ExecuteActionAsync(thread, card.MessageId, "reject", data, Megan);
        Assert.Contains("needs a reason", CardText(noReason), StringComparison.Ordinal);
        var withReason = (JsonObject)data.DeepClone();
        withReason["reason"] = "The rollback has not been rehearsed";
        var rejected = await playground.ExecuteActionAsync(thread, card.MessageId, "reject", withReason, Megan);
        Assert.Contains("The rollback has not been rehearsed", CardText(rejected), StringComparison.Ordinal);
        await playground.WaitForMessageAsync(m => m.MessageId == card.MessageId && Shown.Of(m).Contains("The rollback has not been rehearsed", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        // The owner edits and resubmits; the approver approves the new revision; a later edit makes it stale.
        (await playground.SendAsync(chat, "edit risks")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "Rollback rehearsed on staging")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "submit")).EnsureBotSucceeded();
        var current = CardOf(await playground.InvokeAsync(
            "adaptiveCard/action",
            new JsonObject { ["action"] = content["refresh"]!["action"]!.DeepClone(), ["trigger"] = "automatic" },
            thread,
            card.MessageId,
            Megan));
        var fresh = FindAction(current, "approve")["data"]!.AsObject();
        Assert.NotEqual(data["revision"]!.ToJsonString(), fresh["revision"]!.ToJsonString());
        Assert.Contains("approved", CardText(await playground.ExecuteActionAsync(thread, card.MessageId, "approve", fresh, Megan)), StringComparison.Ordinal);

        // An old card (the earlier revision) cannot approve what it did not show.
        var stale = await playground.ExecuteActionAsync(thread, card.MessageId, "approve", data, Megan);
        Assert.Contains("changed since this was shown", CardText(stale), StringComparison.Ordinal);

        (await playground.SendAsync(chat, "edit risks")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "One more risk after approval")).EnsureBotSucceeded();
        await playground.WaitForMessageAsync(m => m.ConversationId == thread && Shown.Of(m).Contains("earlier decisions are stale", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
    }

    private static JsonObject CardOf(PlaygroundInvokeResult result)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", result.Response?["type"]?.GetValue<string>());
        return result.Response!["value"]!.AsObject();
    }

    private static string CardText(PlaygroundInvokeResult result) =>
        result.Response?["value"] is JsonObject card
            ? Shown.Of(new BotMessage(string.Empty, null, string.Empty, null, null, [new BotAttachment("application/vnd.microsoft.card.adaptive", card)], null, DateTimeOffset.UtcNow, 0, new JsonObject()))
            : result.Response?["value"]?.ToJsonString() ?? string.Empty;

    private static JsonObject FindAction(JsonNode node, string verb)
    {
        var found = CardNodes.Walk(node).OfType<JsonObject>().FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb);
        return found ?? throw new InvalidOperationException($"No Action.Execute \"{verb}\" in the card: {node.ToJsonString()}");
    }
}
