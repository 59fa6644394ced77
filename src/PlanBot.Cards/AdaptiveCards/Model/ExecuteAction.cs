using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// A Universal Action (1.4): an <c>adaptiveCard/action</c> invoke with <see cref="Verb"/> and
/// <see cref="Data"/> merged with the inputs. Hosts below 1.4 use <see cref="Fallback"/>.
/// </summary>
public sealed record ExecuteAction : AdaptiveAction
{
    public required string Verb { get; init; }

    public ActionData? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }

    [JsonIgnore]
    public SubmitAction? Fallback { get; init; }

    // Written through the polymorphic base so that the fallback carries its "type".
    [JsonInclude]
    [JsonPropertyName("fallback")]
    internal AdaptiveAction? FallbackJson => Fallback;
}
