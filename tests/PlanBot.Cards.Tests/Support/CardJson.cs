using System.Text.Json.Nodes;

namespace PlanBot.Cards.Tests.Support;

/// <summary>Reads a card's JSON the way a host does: every element and action with its type, and every text.</summary>
internal static class CardJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Every object in the card that has a "type", depth first, with its path.</summary>
    public static IEnumerable<(string Path, JsonObject Node)> Typed(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out _))
                {
                    yield return (path, obj);
                }

                foreach (var (key, child) in obj)
                {
                    foreach (var found in Typed(child, $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in Typed(array[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    public static string TypeOf(JsonObject node) => node["type"]!.GetValue<string>();

    /// <summary>Every TextBlock's text and every fact's title and value: the strings hosts read as Markdown.</summary>
    public static IEnumerable<string> MarkdownTexts(JsonNode card)
    {
        foreach (var (_, node) in Typed(card))
        {
            switch (TypeOf(node))
            {
                case "TextBlock":
                    yield return node["text"]!.GetValue<string>();
                    break;
                case "FactSet":
                    foreach (var fact in node["facts"]!.AsArray())
                    {
                        yield return fact!["title"]!.GetValue<string>();
                        yield return fact["value"]!.GetValue<string>();
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The card without Teams' extensions, which the Adaptive Card schema does not allow: the root
    /// <c>msteams</c>, and the people picker's <c>choices.data</c> on a choice set.
    /// </summary>
    public static JsonObject WithoutTeamsExtension(string json)
    {
        var card = Parse(json);
        card.Remove("msteams");
        foreach (var (_, node) in Typed(card).Where(t => TypeOf(t.Node) == "Input.ChoiceSet").ToList())
        {
            node.Remove("choices.data");
        }

        return card;
    }
}
