using System.Text.Json;
using Json.Schema;

namespace PlanBot.Cards.Tests.Support;

/// <summary>
/// The official Adaptive Card 1.5 JSON schema, read from the file named by
/// <c>ADAPTIVE_CARD_SCHEMA</c> (reference data kept outside the repository).
/// </summary>
internal static class CardSchema
{
    public const string Variable = "ADAPTIVE_CARD_SCHEMA";

    public static readonly string SkipReason =
        $"{Variable} is not set, so cards are not validated against the official Adaptive Card 1.5 JSON schema "
        + "(it is in no package this build can restore). Download https://adaptivecards.io/schemas/1.5.0/adaptive-card.json "
        + $"and set {Variable} to its path; CI does, from ../shared/schemas/adaptive-card-1.5.0.json.";

    private static readonly Lazy<JsonSchema?> Schema = new(Load);

    public static string? Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    /// <summary>Every error of <paramref name="card"/> against the schema, one line each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonElement card)
    {
        var schema = Schema.Value ?? throw new InvalidOperationException(SkipReason);
        var result = schema.Evaluate(card, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, with no detail")
            .ToList();
    }

    private static JsonSchema? Load()
    {
        if (Path is not { } path)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{Variable} points to a missing file.", path);
        }

        return JsonSchema.FromText(File.ReadAllText(path), baseUri: new Uri("http://adaptivecards.io/schemas/adaptive-card.json"));
    }
}
