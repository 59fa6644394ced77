using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using PlanBot.Reliability.Tests.Infrastructure;

namespace PlanBot.Reliability.Tests.Fuzz;

/// <summary>
/// Bodies for <c>POST /api/messages</c>: real-looking messages, invokes, card submits and
/// conversation updates from a small cast (so turns build on each other), then the same with fields
/// of the wrong type, fields missing, unknown types, deep nesting, bodies around the 256 KB limit,
/// and bodies that are not JSON or not UTF-8.
/// </summary>
public sealed class TeamsCases(IReadOnlyList<TeamsUser> users, IReadOnlyList<TeamsConversation> conversations, string planId, int revision)
{
    private static readonly string[] Paths =
    [
        "type", "id", "serviceUrl", "channelId", "from", "from.id", "from.name", "from.aadObjectId", "conversation", "conversation.id",
        "conversation.conversationType", "conversation.tenantId", "conversation.isGroup", "recipient", "recipient.id", "text", "textFormat",
        "entities", "channelData", "channelData.tenant", "channelData.tenant.id", "channelData.team", "value", "value.action", "value.action.verb",
        "value.action.data", "value.action.data.planId", "value.action.data.revision", "name", "action", "membersAdded", "membersRemoved",
        "timestamp", "localTimezone", "locale", "replyToId", "attachments",
    ];

    private Gen<TeamsUser> User => Gen.OneOf([.. users]);

    private Gen<TeamsConversation> Conversation => Gen.OneOf([.. conversations]);

    private static Gen<string> ServiceUrl => Gen.Frequency<string>(
        (20, Gen.Const(TeamsActivities.ServiceUrl)),
        (1, Gen.OneOf("http://127.0.0.1:1/", "https://evil.example/", "https://smba.trafficmanager.net/amer/../../x/", "javascript:alert(1)", "file:///etc/passwd", string.Empty, "relative/path", "https://", "https://" + new string('a', 2000) + ".example/")));

    private Gen<JsonObject> Message => Gen.Select(User, Conversation, FuzzValues.Text, User.Array[0, 2], FuzzValues.TimeZone, ServiceUrl, (user, conversation, text, mentioned, zone, serviceUrl) =>
    {
        var activity = TeamsActivities.Message(conversation, user, mentioned.Length > 0 ? $"{text} {string.Join(' ', mentioned.Select(m => m.MentionMarkup))}" : text, mentions: mentioned);
        activity["entities"]![0]!["timezone"] = zone;
        activity["serviceUrl"] = serviceUrl;
        return activity;
    });

    private Gen<JsonNode?> Revision => Gen.Frequency<JsonNode?>(
        (4, Gen.Int[revision - 2, revision + 2].Select(r => (JsonNode?)JsonValue.Create(r))),
        (1, Gen.OneOf(-1, 0, int.MaxValue, int.MinValue).Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.OneOf(1e30, 0.5, -0.0).Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.OneOf("latest", string.Empty, " 7", "07", "7 ", "+7", "0x7").Select(t => (JsonNode?)JsonValue.Create(t))),
        (1, FuzzValues.Any(2)));

    private Gen<JsonNode?> PlanId => Gen.Frequency<JsonNode?>(
        (4, Gen.Bool.Select(_ => (JsonNode?)JsonValue.Create(planId))),
        (2, FuzzValues.Token.Select(t => (JsonNode?)JsonValue.Create(t))),
        (1, FuzzValues.Any(2)));

    private Gen<string> Verb => Gen.Frequency<string>(
        (5, Gen.OneOf("approve", "reject", "refreshView", "answer", "skip")),
        (1, FuzzValues.Token));

    private Gen<JsonObject> Invoke => Gen.Select(User, Conversation, Gen.Frequency<string>((8, Gen.Const("adaptiveCard/action")), (1, Gen.OneOf("composeExtension/query", "signin/verifyState", string.Empty, "adaptiveCard/Action"))),
        Gen.Frequency<string>((8, Gen.Const("Action.Execute")), (1, FuzzValues.Token)), Verb, PlanId, Revision, FuzzValues.Text, (user, conversation, name, type, verb, plan, rev, reason) =>
    {
        var activity = TeamsActivities.Base("invoke", conversation, user);
        activity["name"] = name;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = type,
                ["verb"] = verb,
                ["data"] = new JsonObject { ["planId"] = plan, ["revision"] = rev, ["reason"] = reason, ["answer"] = reason },
            },
            ["trigger"] = "manual",
        };
        return activity;
    });

    private Gen<JsonObject> Submit => Gen.Select(User, Conversation, Verb, FuzzValues.Text, FuzzValues.Text, PlanId, (user, conversation, verb, answer, detail, plan) =>
    {
        var activity = TeamsActivities.Message(conversation, user, string.Empty);
        activity["value"] = new JsonObject { ["verb"] = verb, ["answer"] = answer, ["detail"] = detail, ["planId"] = plan };
        return activity;
    });

    private Gen<JsonObject> Update => Gen.Select(User, Conversation, Gen.OneOf("conversationUpdate", "installationUpdate"), Gen.OneOf("add", "remove", "add-upgrade", "remove-upgrade", "other"), Gen.Bool, (user, conversation, type, action, bot) =>
    {
        var activity = TeamsActivities.Base(type, conversation, user);
        activity["action"] = action;
        activity[bot ? "membersAdded" : "membersRemoved"] = new JsonArray(new JsonObject { ["id"] = bot ? TeamsActivities.BotId : user.Id });
        return activity;
    });

    private Gen<JsonObject> WellFormed => Gen.Frequency<JsonObject>((10, Message), (4, Invoke), (2, Submit), (1, Update));

    private Gen<FuzzCase> WrongTypes => Gen.Select(WellFormed, Gen.OneOf(Paths).Array[1, 3], FuzzValues.Any(3).Array[3, 3], (activity, paths, values) =>
    {
        for (var i = 0; i < paths.Length; i++)
        {
            Json.Set(activity, paths[i], values[i]);
        }

        return FuzzCase.Of($"wrong type at {string.Join(",", paths)}", activity.ToJsonString());
    });

    private Gen<FuzzCase> Missing => Gen.Select(WellFormed, Gen.OneOf(Paths).Array[1, 4], (activity, paths) =>
    {
        foreach (var path in paths)
        {
            Json.Remove(activity, path);
        }

        return FuzzCase.Of($"missing {string.Join(",", paths)}", activity.ToJsonString());
    });

    private Gen<FuzzCase> UnknownType => Gen.Select(WellFormed, Gen.Frequency<string>((2, Gen.OneOf("typing", "endOfConversation", "event", "messageReaction", "invokeResponse", "MESSAGE", "message ", "Invoke", string.Empty)), (1, FuzzValues.Token)), (activity, type) =>
    {
        activity["type"] = type;
        return FuzzCase.Of("unknown type", activity.ToJsonString());
    });

    private Gen<FuzzCase> Deep => Gen.Select(WellFormed, Gen.OneOf(64, 65, 200, 1000), Gen.Bool, Gen.OneOf("value", "channelData", "entities", "text", "root"), (activity, levels, objects, where) =>
    {
        var deep = FuzzValues.Deep(levels, objects);
        if (where == "root")
        {
            return FuzzCase.Of($"nested {levels} deep as the body", deep);
        }

        activity[where] = "§DEEP§";
        return FuzzCase.Of($"nested {levels} deep in {where}", activity.ToJsonString().Replace("\"§DEEP§\"", deep, StringComparison.Ordinal));
    });

    private Gen<FuzzCase> Huge => Gen.Select(Message, Gen.Int[240_000, 270_000], Gen.OneOf("a", "é", "😀"), Gen.OneOf("text", "value", "channelData"), (activity, bytes, unit, where) =>
    {
        // Multi-byte characters make the byte count cross 256 KB while the character count stays far below.
        var filler = string.Concat(Enumerable.Repeat(unit, bytes / Encoding.UTF8.GetByteCount(unit)));
        activity[where] = filler;
        return FuzzCase.Of($"{Encoding.UTF8.GetByteCount(filler) / 1024} KB string in {where}", activity.ToJsonString());
    });

    public Gen<FuzzCase> All => Gen.Frequency<FuzzCase>(
        (30, WellFormed.Select(a => FuzzCase.Of("well-formed " + a["type"], a.ToJsonString()))),
        (18, WrongTypes),
        (10, Missing),
        (5, UnknownType),
        (5, Deep),
        (4, Huge),
        (10, FuzzValues.Broken(WellFormed.Select(a => a.ToJsonString()), "application/json")));
}
