using System.Text.Json.Nodes;
using PlanBot.Testing.Checks;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// Checks a Block Kit payload against Slack's length and count limits (PROTOCOLS.md 7.6), which
/// @slack/types does not: it reads the JSON the bot sends, not the builders.
/// </summary>
public static class BlockKitLimits
{
    public static IReadOnlyList<string> Violations(string payloadJson, BlockKitSurface surface)
    {
        var payload = JsonNode.Parse(payloadJson)!.AsObject();
        var problems = new List<string>();
        var blocks = payload["blocks"]?.AsArray() ?? [];
        Max(problems, "blocks", blocks.Count, surface is BlockKitSurface.Modal or BlockKitSurface.Home ? 100 : 50);
        if (blocks.Count == 0)
        {
            problems.Add("no blocks");
        }

        if (surface == BlockKitSurface.Modal)
        {
            Length(problems, "modal title", payload["title"]?["text"], 24);
            Length(problems, "modal submit", payload["submit"]?["text"], 24);
            Length(problems, "modal close", payload["close"]?["text"], 24);
            Length(problems, "private_metadata", payload["private_metadata"], 3000);
            Length(problems, "callback_id", payload["callback_id"], 255);
        }

        foreach (var block in blocks.Select(b => b!.AsObject()))
        {
            Length(problems, "block_id", block["block_id"], 255);
            switch (block["type"]?.GetValue<string>())
            {
                case "section":
                    Length(problems, "section text", block["text"]?["text"], 3000, min: 1);
                    var fields = block["fields"]?.AsArray() ?? [];
                    Max(problems, "section fields", fields.Count, 10);
                    foreach (var field in fields)
                    {
                        Length(problems, "section field", field?["text"], 2000, min: 1);
                    }

                    break;
                case "header":
                    Length(problems, "header text", block["text"]?["text"], 150, min: 1);
                    break;
                case "context":
                    Max(problems, "context elements", block["elements"]?.AsArray().Count ?? 0, 10);
                    foreach (var element in block["elements"]?.AsArray() ?? [])
                    {
                        Length(problems, "context text", element?["text"], 3000, min: 1);
                    }

                    break;
                case "actions":
                    var elements = block["elements"]?.AsArray() ?? [];
                    Max(problems, "actions elements", elements.Count, 25);
                    foreach (var element in elements)
                    {
                        Length(problems, "action_id", element?["action_id"], 255);
                        Length(problems, "button text", element?["text"]?["text"], 75, min: 1);
                        Length(problems, "button value", element?["value"], 2000);
                        Length(problems, "confirm title", element?["confirm"]?["title"]?["text"], 100);
                        Length(problems, "confirm text", element?["confirm"]?["text"]?["text"], 300);
                    }

                    break;
                case "input":
                    Length(problems, "input label", block["label"]?["text"], 2000, min: 1);
                    Length(problems, "input hint", block["hint"]?["text"], 2000);
                    Length(problems, "placeholder", block["element"]?["placeholder"]?["text"], 150);
                    break;
            }
        }

        return problems;
    }

    private static void Max(List<string> problems, string what, int count, int max)
    {
        if (count > max)
        {
            problems.Add($"{what}: {count} > {max}");
        }
    }

    private static void Length(List<string> problems, string what, JsonNode? node, int max, int min = 0)
    {
        if (node is null)
        {
            return;
        }

        var length = node.GetValue<string>().Length;
        if (length > max || length < min)
        {
            problems.Add($"{what}: {length} characters, allowed {min}–{max}");
        }
    }
}
