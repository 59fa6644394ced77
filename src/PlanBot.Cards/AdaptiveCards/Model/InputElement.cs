using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// An input. Its <see cref="Id"/> is the key its value is sent under. <see cref="Label"/>,
/// <see cref="IsRequired"/> and <see cref="ErrorMessage"/> are 1.3: older hosts ignore them.
/// </summary>
public abstract record InputElement : CardElement
{
    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}
