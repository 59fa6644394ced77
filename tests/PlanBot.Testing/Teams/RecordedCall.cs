using System.Text.Json;

namespace PlanBot.Testing.Teams;

/// <summary>One call the bot made to the Bot Connector: method, address, body and the Authorization it carried.</summary>
public sealed record RecordedCall(HttpMethod Method, Uri Uri, string Body, string? Authorization)
{
    /// <summary>The Adaptive Card sent, when there is one.</summary>
    public JsonElement? Card
    {
        get
        {
            using var document = JsonDocument.Parse(Body.Length == 0 ? "{}" : Body);
            return document.RootElement.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
                ? attachments[0].GetProperty("content").Clone()
                : null;
        }
    }

    /// <summary>As a person reads it: markdown escapes and HTML entities rendered.</summary>
    private static string Shown(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(markdown), @"\\([\\`*_{}\[\]()#+\-.!|~<>=])", "$1");

    private static void CollectStrings(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(Shown(element.GetString()!));
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, into);
                }

                break;
        }
    }

    public string? Text
    {
        get
        {
            if (Body.Length == 0)
            {
                return null;
            }

            using var document = JsonDocument.Parse(Body);
            var root = document.RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("text", out var text) && text.GetString() is { } plain)
            {
                parts.Add(Shown(plain));
            }

            // A card reads as the text it shows: every string in its attachments, in order.
            if (root.TryGetProperty("attachments", out var attachments))
            {
                CollectStrings(attachments, parts);
            }

            return parts.Count == 0 ? null : string.Join('\n', parts);
        }
    }
}
