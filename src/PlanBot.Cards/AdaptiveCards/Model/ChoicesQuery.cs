using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// Teams' dynamic choices (<c>choices.data</c> of an <see cref="InputChoiceSet"/>): with
/// <see cref="PeopleDataset"/> the choice set is Teams' people picker, and sends the chosen people's
/// directory object ids. A Teams extension, not in the official schema.
/// </summary>
public sealed record ChoicesQuery
{
    public const string PeopleDataset = "graph.microsoft.com/users";

    [JsonPropertyOrder(-1)]
    public string Type => "Data.Query";

    public required string Dataset { get; init; }
}
