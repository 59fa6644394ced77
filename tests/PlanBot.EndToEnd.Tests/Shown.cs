using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanBot.EndToEnd.Tests.Playground;

namespace PlanBot.EndToEnd.Tests;

/// <summary>What a person sees of the bot's messages: the text, and every string its cards show, rendered.</summary>
public static partial class Shown
{
    public static string Of(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = new List<string>();
        if (message.Text is { } text)
        {
            parts.Add(Plain(text));
        }

        foreach (var attachment in message.Attachments)
        {
            Collect(attachment.Content, parts);
        }

        return string.Join('\n', parts);
    }

    /// <summary>A card's Markdown or a message's text as it reads: entities decoded, escapes removed.</summary>
    public static string Plain(string text) => Escape().Replace(WebUtility.HtmlDecode(text), "$1");

    public static IReadOnlyList<string> Of(PlaygroundTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Messages.Select(Of).ToList();
    }

    private static void Collect(JsonNode? node, List<string> into)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                into.Add(Plain(text));
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, into);
                }

                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, into);
                }

                break;
        }
    }

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!|~<>=])")]
    private static partial Regex Escape();
}
