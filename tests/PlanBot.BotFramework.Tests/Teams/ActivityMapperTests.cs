using System.Text.Json;
using PlanBot.BotFramework.Schema;
using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.BotFramework.Tests.Teams;

/// <summary>Teams activities read as channel-neutral turns: typed card actions, threads, installations.</summary>
public sealed class ActivityMapperTests
{
    private static Turn? Map(string json) =>
        ActivityMapper.ToTurn(JsonSerializer.Deserialize(json, BotFrameworkJsonContext.Default.Activity)!);

    private static string Activity(string type, string conversationId, string extra = "") =>
        "{\"type\":\"" + type + "\",\"id\":\"a1\",\"channelId\":\"msteams\",\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\","
        + "\"from\":{\"id\":\"29:1-megan\",\"name\":\"Megan Bowen\"},\"recipient\":{\"id\":\"28:bot\",\"name\":\"PlanBot\"},"
        + "\"conversation\":{\"id\":\"" + conversationId + "\",\"conversationType\":\"channel\",\"tenantId\":\"t1\"},"
        + "\"channelData\":{\"tenant\":{\"id\":\"t1\"},\"team\":{\"id\":\"19:team@thread.tacv2\"}}" + extra + "}";

    [Fact]
    public void A_message_in_a_channel_thread_names_its_channel_and_thread()
    {
        var turn = Map(Activity("message", "19:releases@thread.tacv2;messageid=1700000000123", ""","text":"status" """))!;

        Assert.Equal("19:releases@thread.tacv2;messageid=1700000000123", turn.Conversation.ConversationId);
        Assert.Equal(new ConversationThread("19:releases@thread.tacv2", "1700000000123"), turn.Conversation.Thread);
        Assert.Equal("19:releases@thread.tacv2", turn.Conversation.WithoutThread().ConversationId);
        Assert.Null(turn.Conversation.WithoutThread().Thread);
    }

    [Fact]
    public void A_channel_itself_is_no_thread()
    {
        var turn = Map(Activity("message", "19:releases@thread.tacv2", ""","text":"status" """))!;

        Assert.Null(turn.Conversation.Thread);
        Assert.Same(turn.Conversation, turn.Conversation.WithoutThread());
    }

    [Fact]
    public void An_action_submit_is_read_as_the_typed_action_its_data_names()
    {
        var turn = Map(Activity("message", "a:chat", ""","value":{"verb":"answer","planId":"p1","questionId":"features","answer":"Checkout v3"}"""))!;

        Assert.Equal(TurnKind.Action, turn.Kind);
        Assert.Equal(new AnswerAction("p1", "features", "Checkout v3"), turn.Action);
        Assert.False(turn.ReplacesCard);
    }

    [Fact]
    public void An_action_execute_invoke_is_read_as_a_decision_on_its_revision()
    {
        var turn = Map(Activity("invoke", "19:releases@thread.tacv2;messageid=17", ""","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"reject","data":{"planId":"p1","revision":4,"reason":"Not rehearsed"}}}"""))!;

        Assert.Equal(new DecideAction("p1", 4, Verdict.Reject, "Not rehearsed"), turn.Action);
    }

    [Fact]
    public void An_action_execute_is_answered_in_place_of_its_card_and_an_action_submit_by_a_message()
    {
        const string data = ""","planId":"p1","section":2,"revision":7,"available-by":"2027-03-15" """;
        var execute = Map(Activity("invoke", "a:chat", ""","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"saveSection","data":{""" + data[1..] + "}}}"))!;
        var submit = Map(Activity("message", "a:chat", ""","value":{"verb":"saveSection" """ + data + "}"))!;

        Assert.IsType<SaveSectionAction>(execute.Action);
        Assert.IsType<SaveSectionAction>(submit.Action);
        Assert.True(execute.ReplacesCard);
        Assert.False(submit.ReplacesCard);
    }

    [Theory]
    [InlineData("installationUpdate", ""","action":"add" """, TurnKind.AppInstalled)]
    [InlineData("installationUpdate", ""","action":"remove-upgrade" """, TurnKind.Removed)]
    [InlineData("conversationUpdate", ""","membersAdded":[{"id":"28:bot"}]""", TurnKind.Installed)]
    [InlineData("conversationUpdate", ""","membersRemoved":[{"id":"28:bot"}]""", TurnKind.Removed)]
    public void Installations_and_removals_are_kinds_of_turn(string type, string extra, TurnKind kind)
    {
        Assert.Equal(kind, Map(Activity(type, "19:general@thread.tacv2", extra))!.Kind);
    }
}
