using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>A Teams user: a channel id, a display name and an AAD object id of their own.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    public static TeamsUser Named(string handle, string name) => new($"29:{handle}", name, StableGuid(handle));

    /// <summary>The markup Teams puts in the text for an @mention of this user.</summary>
    public string MentionMarkup => $"<at>{Name}</at>";

    private static string StableGuid(string seed) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..16]).ToString();
}

/// <summary>A Teams conversation: a personal chat, or a channel (or a thread in one) of a team.</summary>
public sealed record TeamsConversation(string Id, string Type, string TenantId, string? TeamId = null)
{
    public const string DefaultTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    public static TeamsConversation Personal(string handle, string tenantId = DefaultTenant) => new($"a:personal-{handle}", "personal", tenantId);

    public static TeamsConversation Channel(string id, string tenantId = DefaultTenant, string teamId = "19:team-contoso@thread.tacv2") => new(id, "channel", tenantId, teamId);

    /// <summary>The tenant id PlanBot stores this conversation's plans under.</summary>
    public string StoreTenant => $"msteams:{TenantId}";

    public TeamsConversation Thread(string messageId) => this with { Id = $"{Id.Split(';')[0]};messageid={messageId}" };
}

/// <summary>Builds activities the way the Bot Connector posts them for Teams.</summary>
public static class TeamsActivities
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string BotId = "28:planbot";
    public const string BotName = "PlanBot";

    private static long next;

    public static string NewId() => $"act-{Guid.NewGuid():N}-{Interlocked.Increment(ref next)}";

    /// <summary>A message; in a channel the bot is @mentioned first, as Teams requires there.</summary>
    public static JsonObject Message(TeamsConversation conversation, TeamsUser from, string text, string? id = null, IReadOnlyList<TeamsUser>? mentions = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var entities = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["timezone"] = "Europe/London" });
        if (conversation.Type == "channel")
        {
            text = $"<at>{BotName}</at> {text}";
            entities.Add(Mention(BotId, BotName));
        }

        foreach (var person in mentions ?? [])
        {
            entities.Add(Mention(person.Id, person.Name));
        }

        var activity = Base("message", conversation, from, id);
        activity["textFormat"] = "plain";
        activity["text"] = text;
        activity["entities"] = entities;
        return activity;
    }

    /// <summary>An Action.Execute on a card: an <c>adaptiveCard/action</c> invoke with the verb and the action's data.</summary>
    public static JsonObject Execute(TeamsConversation conversation, TeamsUser from, string verb, JsonObject data, string? id = null)
    {
        var activity = Base("invoke", conversation, from, id);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>Approve (or reject) as the approval card's buttons send it.</summary>
    public static JsonObject Decide(TeamsConversation conversation, TeamsUser from, string planId, int revision, string verb = "approve", string? reason = null, string? id = null)
    {
        var data = new JsonObject { ["planId"] = planId, ["revision"] = revision };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        return Execute(conversation, from, verb, data, id);
    }

    public static JsonObject Base(string type, TeamsConversation conversation, TeamsUser from, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(from);
        var conversationJson = new JsonObject { ["conversationType"] = conversation.Type, ["id"] = conversation.Id, ["tenantId"] = conversation.TenantId };
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = conversation.TenantId } };
        if (conversation.Type == "channel")
        {
            conversationJson["isGroup"] = true;
            channelData["team"] = new JsonObject { ["id"] = conversation.TeamId };
            channelData["channel"] = new JsonObject { ["id"] = conversation.Id.Split(';')[0] };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? NewId(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
            ["conversation"] = conversationJson,
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            ["locale"] = "en-GB",
            ["channelData"] = channelData,
        };
    }

    private static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };
}
