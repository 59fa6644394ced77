using System.Text.Json.Nodes;
using PlanBot.EndToEnd.Tests.Playground;

namespace PlanBot.EndToEnd.Tests;

/// <summary>
/// An Adaptive Card as a Teams client holds it: its inputs with the values they show, its
/// Action.Execute buttons, and what pressing one sends, the button's data with the inputs' values
/// merged in by their ids (an input left empty is not sent, as the Adaptive Cards client does).
/// Elements a host uses only in place of an unsupported one (<c>fallback</c>) are not shown, so
/// they are not read.
/// </summary>
public sealed class FormCard
{
    private FormCard(JsonObject card, string messageId)
    {
        Card = card;
        MessageId = messageId;
    }

    public JsonObject Card { get; }

    /// <summary>The message the card is in: an invoke's card replaces the pressed one in the same message.</summary>
    public string MessageId { get; }

    public static FormCard Of(BotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var card = message.AdaptiveCards.FirstOrDefault()?.Content as JsonObject
            ?? throw new InvalidOperationException($"No Adaptive Card in {message}");
        return new FormCard(card, message.MessageId);
    }

    /// <summary>The card an invoke answered with, which Teams puts in place of the pressed card.</summary>
    public static FormCard Replacing(FormCard pressed, PlaygroundInvokeResult result)
    {
        ArgumentNullException.ThrowIfNull(pressed);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Response?["type"]?.GetValue<string>() != BotAttachment.AdaptiveCardContentType || result.Response["value"] is not JsonObject card)
        {
            throw new InvalidOperationException($"The invoke did not answer with a card: {result.Response?.ToJsonString()}");
        }

        return new FormCard(card, pressed.MessageId);
    }

    /// <summary>Whether <paramref name="message"/> holds a card with an Action.Execute of <paramref name="verb"/>.</summary>
    public static bool Has(BotMessage message, string verb, Func<JsonObject, bool>? data = null) =>
        message.AdaptiveCards.Any(a => Shown(a.Content).Any(n => IsExecute(n, verb) && (data is null || (n["data"] is JsonObject d && data(d)))));

    /// <summary>Whether the card has an Action.Execute of <paramref name="verb"/>.</summary>
    public bool Offers(string verb) => Shown(Card).Any(n => IsExecute(n, verb));

    /// <summary>What an invoke answered, as a person reads it: the card's texts, or the message.</summary>
    public static string TextOf(PlaygroundInvokeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Response?["value"] is JsonObject card ? new FormCard(card, string.Empty).Text : result.Response?["value"]?.ToString() ?? string.Empty;
    }

    /// <summary>Every input shown, by id, with the value it shows (null when empty).</summary>
    public IReadOnlyDictionary<string, string?> Inputs =>
        Shown(Card).Where(IsInput).ToDictionary(n => n["id"]!.GetValue<string>(), n => n["value"]?.GetValue<string>(), StringComparer.Ordinal);

    /// <summary>Every text the card shows, as a person reads it.</summary>
    public string Text => Shown(Card)
        .SelectMany(n => new[] { n["text"], n["title"], n["label"], n["value"] })
        .Concat(Shown(Card).Where(n => n["facts"] is JsonArray).SelectMany(n => n["facts"]!.AsArray().SelectMany(f => new[] { f!["title"], f["value"] })))
        .OfType<JsonValue>()
        .Select(v => PlanBot.EndToEnd.Tests.Shown.Plain(v.ToString()))
        .Aggregate(string.Empty, (all, t) => all + t + "\n");

    /// <summary>The title of the button that sends <paramref name="verb"/>.</summary>
    public string TitleOf(string verb) => Action(verb)["title"]!.GetValue<string>();

    /// <summary>
    /// What Teams sends for a press of <paramref name="verb"/>: its data, and, when the button takes
    /// the card's inputs, each input's value (<paramref name="entered"/> where the person typed or
    /// picked one, else what the input shows). An id the card has no input for is an error.
    /// </summary>
    public JsonObject Press(string verb, IReadOnlyDictionary<string, string>? entered = null)
    {
        var action = Action(verb);
        var data = action["data"]!.DeepClone().AsObject();
        var inputs = Inputs;
        var unknown = (entered?.Keys ?? []).Where(id => !inputs.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"The card has no input {string.Join(", ", unknown)}; it has {string.Join(", ", inputs.Keys)}.");
        }

        if (action["associatedInputs"]?.GetValue<string>() is "none" or "None")
        {
            return data;
        }

        foreach (var (id, shown) in inputs)
        {
            var value = entered is not null && entered.TryGetValue(id, out var typed) ? typed : shown;
            if (!string.IsNullOrEmpty(value))
            {
                data[id] = value;
            }
        }

        return data;
    }

    /// <summary>
    /// The texts shown in red ("attention") between the input <paramref name="inputId"/> and the next
    /// question's input: the problems the card puts beside that input.
    /// </summary>
    public IReadOnlyList<string> ProblemsBeside(string inputId)
    {
        var body = Card["body"]!.AsArray();
        var at = Index(body, n => IsInput(n) && n["id"]!.GetValue<string>() == inputId);
        if (at < 0)
        {
            throw new InvalidOperationException($"The card has no input {inputId}.");
        }

        var problems = new List<string>();
        for (var i = at + 1; i < body.Count && !Shown(body[i]).Any(n => IsInput(n) && !n["id"]!.GetValue<string>().StartsWith(inputId + ".", StringComparison.Ordinal)); i++)
        {
            problems.AddRange(Shown(body[i]).Where(n => n["type"]?.GetValue<string>() == "TextBlock" && n["color"]?.GetValue<string>() is "attention" or "Attention").Select(n => n["text"]!.GetValue<string>()));
        }

        return problems;
    }

    private JsonObject Action(string verb) =>
        Shown(Card).FirstOrDefault(n => IsExecute(n, verb))
        ?? throw new InvalidOperationException($"No Action.Execute \"{verb}\" in the card: {Text}");

    private static int Index(JsonArray body, Func<JsonObject, bool> holds)
    {
        for (var i = 0; i < body.Count; i++)
        {
            if (Shown(body[i]).Any(holds))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsExecute(JsonObject node, string verb) =>
        node["type"]?.GetValue<string>() == "Action.Execute" && node["verb"]?.GetValue<string>() == verb;

    private static bool IsInput(JsonObject node) =>
        node["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal) && node["id"] is not null;

    /// <summary>Every object with a type that a host supporting the card's version shows, depth first.</summary>
    private static IEnumerable<JsonObject> Shown(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue)
                {
                    yield return obj;
                }

                foreach (var (key, child) in obj)
                {
                    if (key is "fallback" or "msteams" or "refresh")
                    {
                        continue;
                    }

                    foreach (var found in Shown(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var found in Shown(item))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
