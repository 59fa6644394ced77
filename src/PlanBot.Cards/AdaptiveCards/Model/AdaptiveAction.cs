using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>A button. Only the action types registered here can be serialised.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record AdaptiveAction
{
    [JsonPropertyOrder(-1)]
    public required string Title { get; init; }
}
