using System.Text.Json.Nodes;

namespace PlanBot.EndToEnd.Tests;

/// <summary>Every node of a card's JSON, depth first, to find an action or an element wherever the card nests it.</summary>
internal static class CardNodes
{
    public static IEnumerable<JsonNode> Walk(JsonNode? node)
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
