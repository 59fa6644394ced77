using System.Text.Json.Nodes;

namespace PlanBot.Testing.Teams;

/// <summary>Builds Teams-shaped activities for the tests, as the Connector would post them.</summary>
public sealed class Activities(string conversationId = "a:personal-1", string userId = "29:alex", string userName = "Alex Wilber")
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string BotId = "28:planbot";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private int next;

    public string ConversationId { get; } = conversationId;

    public JsonObject Message(string text, string? id = null, string timeZone = "Europe/London") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? NextId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = "7faf8ab2-3d56-4244-b585-20c8a42ed2b8" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = ConversationId, ["tenantId"] = TenantId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PlanBot" },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-GB", ["timezone"] = timeZone }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["futureField"] = new JsonObject { ["anything"] = 1 },
    };

    public JsonObject BotAdded() => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = NextId(),
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = userId },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["id"] = ConversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    private string NextId() => $"act-{Guid.NewGuid():N}-{Interlocked.Increment(ref next)}";
}
