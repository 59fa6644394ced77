using System.Globalization;
using System.Text.Json;
using PlanBot.Domain.Checklist;

namespace PlanBot.Bench;

/// <summary>The messages of one full interview and the Teams-shaped activities that carry them.</summary>
internal static class Interview
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    /// <summary><c>plan {product} 1.0</c>, then a valid answer to every question in checklist order.</summary>
    public static IReadOnlyList<string> Messages(string product)
    {
        var messages = new List<string>(PlanChecklist.Count + 1) { $"plan {product} 1.0" };
        messages.AddRange(PlanChecklist.Questions.Select(Answer));
        return messages;
    }

    public static int TurnsPerConversation => PlanChecklist.Count + 1;

    /// <summary>The same answers as the host tests give: dates ahead of today, people as emails.</summary>
    public static string Answer(Question question)
    {
        var ahead = DateTime.UtcNow.Date.AddDays(40);
        return question.Id switch
        {
            "available-by" => ahead.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "deployed-by" => ahead.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            "deployment-window" => $"{ahead.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 22:00 to 02:00",
            _ => question.Kind switch
            {
                AnswerKind.People => "alex@contoso.com, megan@contoso.com",
                AnswerKind.YesNoWithDetail => "Yes, a one-hour walkthrough",
                _ => $"Answer to {question.Id}",
            },
        };
    }

    /// <summary>
    /// A personal-chat message as the Teams Connector posts it, from <paramref name="user"/>: Teams has one
    /// personal chat per user and bot, so each conversation has a user of its own.
    /// </summary>
    public static byte[] Activity(string serviceUrl, string conversationId, string activityId, string text, string tenantId, BenchUser user)
    {
        using var buffer = new MemoryStream(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", activityId);
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("serviceUrl", serviceUrl);
            json.WriteString("channelId", "msteams");
            json.WriteStartObject("from");
            json.WriteString("id", user.Id);
            json.WriteString("name", "Alex Wilber");
            json.WriteString("aadObjectId", user.AadObjectId);
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("conversationType", "personal");
            json.WriteString("id", conversationId);
            json.WriteString("tenantId", tenantId);
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", "28:planbot");
            json.WriteString("name", "PlanBot");
            json.WriteEndObject();
            json.WriteString("textFormat", "plain");
            json.WriteString("text", text);
            json.WriteStartArray("entities");
            json.WriteStartObject();
            json.WriteString("type", "clientInfo");
            json.WriteString("locale", "en-GB");
            json.WriteString("timezone", "Europe/London");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("channelData");
            json.WriteStartObject("tenant");
            json.WriteString("id", tenantId);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

/// <summary>The Teams user of a conversation: a channel id (<c>29:…</c>) and an Entra object id.</summary>
internal sealed record BenchUser(string Id, Guid AadObjectId)
{
    public static BenchUser For(string conversationName) => new($"29:{conversationName}", Guid.NewGuid());
}
