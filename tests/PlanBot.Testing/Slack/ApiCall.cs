using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace PlanBot.Testing.Slack;

/// <summary>One Web API call the bot made to the fake Slack, in the order of <see cref="Sequence"/>.</summary>
public sealed record ApiCall(long Sequence, string Method, string? Authorization, string? ContentType, string Body)
{
    /// <summary>The JSON body; null for form bodies.</summary>
    public JsonObject? Json => ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true ? JsonNode.Parse(Body)?.AsObject() : null;

    public string? Form(string key) =>
        QueryHelpers.ParseQuery(Body).TryGetValue(key, out var value) ? value.ToString() : null;

    public string? Channel => Json?["channel"]?.GetValue<string>();

    public string? ThreadTs => Json?["thread_ts"]?.GetValue<string>();

    public string? Ts => Json?["ts"]?.GetValue<string>();

    public string? Text => Json?["text"]?.GetValue<string>();

    /// <summary>The blocks array as JSON text, empty when there is none.</summary>
    public string BlocksJson => Json?["blocks"]?.ToJsonString() ?? string.Empty;

    /// <summary>The message's buttons (every element of its actions blocks), as action id and value.</summary>
    public IReadOnlyList<(string ActionId, string Value)> Buttons =>
        (Json?["blocks"]?.AsArray() ?? [])
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => (e!["action_id"]!.GetValue<string>(), e["value"]?.GetValue<string>() ?? string.Empty))
            .ToList();

    /// <summary>The block id of the actions block holding the message's button <paramref name="actionId"/>, as Slack sends it with a click.</summary>
    public string? BlockIdOf(string actionId) =>
        (Json?["blocks"]?.AsArray() ?? [])
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .First(b => b!["elements"]!.AsArray().Any(e => e!["action_id"]!.GetValue<string>() == actionId))!["block_id"]?.GetValue<string>();

    /// <summary>The value of the message's button <paramref name="actionId"/> (there must be exactly one).</summary>
    public string ButtonValue(string actionId) => Buttons.Single(b => b.ActionId == actionId).Value;

    /// <summary>Whether the message has a button <paramref name="actionId"/> whose value holds <paramref name="fragment"/>.</summary>
    public bool HasButton(string actionId, string fragment = "") =>
        Buttons.Any(b => b.ActionId == actionId && b.Value.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Whether the text or the blocks show <paramref name="value"/> to a reader (mrkdwn entities decoded).</summary>
    public bool Shows(string value) => Readable.Contains(value, StringComparison.Ordinal);

    /// <summary>The fallback text and every text of the blocks, as a person would read them.</summary>
    public string Readable
    {
        get
        {
            var texts = new List<string> { Text ?? string.Empty };
            Collect(Json?["blocks"], texts);
            return Decode(string.Join('\n', texts));
        }
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (name == "text" && child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        texts.Add(text);
                    }
                    else
                    {
                        Collect(child, texts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, texts);
                }

                break;
        }
    }

    private static string Decode(string mrkdwn) =>
        mrkdwn.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
