using System.Text.Json;
using PlanBot.Cards.Tests.Support;

namespace PlanBot.Cards.Tests;

/// <summary>
/// Every card validates against the official Adaptive Card 1.5 JSON schema, which catches what the
/// renderer lets through: unknown properties, misspelled enum values, wrong value types. Teams'
/// root <c>msteams</c> and its people picker (<c>choices.data</c>) are not in the schema and are stripped first.
/// </summary>
public sealed class SchemaTests
{
    public static IEnumerable<object[]> Names => SampleCards.Names;

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Card_is_valid_against_the_official_schema(string name)
    {
        Skip.If(CardSchema.Path is null, CardSchema.SkipReason);
        var card = CardJson.WithoutTeamsExtension(SampleCards.Named(name).Json);

        var errors = CardSchema.Errors(JsonSerializer.SerializeToElement(card));

        Assert.True(errors.Count == 0, $"{name}:\n{string.Join('\n', errors)}");
    }

    [SkippableFact]
    public void The_schema_catches_what_the_model_prevents()
    {
        Skip.If(CardSchema.Path is null, CardSchema.SkipReason);
        var card = CardJson.WithoutTeamsExtension(SampleCards.Named("summary-status").Json);
        card["body"]![0]!["size"] = "huge";
        card["body"]![0]!["colour"] = "red";

        var errors = CardSchema.Errors(JsonSerializer.SerializeToElement(card));

        Assert.NotEmpty(errors);
    }

    [SkippableFact]
    public void The_teams_people_picker_is_why_choices_data_is_stripped()
    {
        Skip.If(CardSchema.Path is null, CardSchema.SkipReason);
        var card = CardJson.Parse(SampleCards.Named("section-filled-5").Json);
        card.Remove("msteams");
        Assert.Contains("\"choices.data\"", card.ToJsonString(), StringComparison.Ordinal);

        var errors = CardSchema.Errors(JsonSerializer.SerializeToElement(card));

        Assert.NotEmpty(errors);
    }

    [SkippableFact]
    public void The_teams_extension_is_why_msteams_is_stripped()
    {
        Skip.If(CardSchema.Path is null, CardSchema.SkipReason);
        var card = CardJson.Parse(SampleCards.Named("summary-status").Json);
        Assert.NotNull(card["msteams"]);

        var errors = CardSchema.Errors(JsonSerializer.SerializeToElement(card));

        Assert.NotEmpty(errors);
    }
}
