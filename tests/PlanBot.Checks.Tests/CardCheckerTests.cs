using PlanBot.Testing.Checks;

namespace PlanBot.Checks.Tests;

/// <summary>Proves check-cards.js: it must pass a good card and catch each kind of mistake it claims to.</summary>
[Collection(NodeChecksCollection.Name)]
public sealed class CardCheckerTests
{
    // PROTOCOLS.md section 6, test vector 1, with Teams' full-width extension.
    private const string SummaryCard = """
        {"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
         "msteams":{"width":"Full"},
         "body":[{"type":"TextBlock","text":"Weekly summary","size":"Large","weight":"Bolder","wrap":true},
                 {"type":"FactSet","facts":[{"title":"Open","value":"12"},{"title":"Closed","value":"30"}]},
                 {"type":"Input.Text","id":"comment","label":"Comment","isRequired":true,"errorMessage":"Required"},
                 {"type":"ActionSet","actions":[{"type":"Action.Execute","title":"Approve","verb":"approve",
                   "data":{"requestId":"r-42"},"fallback":{"type":"Action.Submit","title":"Approve","data":{"verb":"approve","requestId":"r-42"}}}]}]}
        """;

    private static string Card(string body, string actions = "[]") =>
        $$"""{"type":"AdaptiveCard","version":"1.5","body":{{body}},"actions":{{actions}}}""";

    private static async Task<CardCheckResult> CheckOneAsync(string json)
    {
        var report = await NodeChecks.CheckCardsAsync([("card", json)]);
        return Assert.Single(report.Results);
    }

    [Fact]
    public async Task Valid_summary_card_passes()
    {
        var result = await CheckOneAsync(SummaryCard);

        Assert.True(result.Passed, string.Join('\n', result.Errors));
    }

    [Fact]
    public async Task Table_card_passes()
    {
        var result = await CheckOneAsync(Card("""
            [{"type":"Table","firstRowAsHeader":true,"columns":[{"width":1},{"width":2}],
              "rows":[{"type":"TableRow","cells":[{"type":"TableCell","items":[{"type":"TextBlock","text":"Section","wrap":true}]},
                                                  {"type":"TableCell","items":[{"type":"TextBlock","text":"Answer","wrap":true}]}]}]}]
            """));

        Assert.True(result.Passed, string.Join('\n', result.Errors));
    }

    [Fact]
    public async Task Unknown_element_type_fails()
    {
        var result = await CheckOneAsync(Card("""[{"type":"TextBlok","text":"Scope"}]"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Parse", "UnknownElementType"), (error.Phase, error.Event));
        Assert.Contains("TextBlok", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_action_type_fails()
    {
        var result = await CheckOneAsync(Card("""[{"type":"TextBlock","text":"Scope"}]""", """[{"type":"Action.Approve","title":"Approve"}]"""));

        Assert.Equal("UnknownActionType", Assert.Single(result.Errors).Event);
    }

    [Fact]
    public async Task Bad_enum_value_fails()
    {
        var result = await CheckOneAsync(Card("""[{"type":"TextBlock","text":"Scope","size":"Huge"}]"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Parse", "InvalidPropertyValue"), (error.Phase, error.Event));
        Assert.Contains("Huge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_input_without_label_or_error_message_fails()
    {
        var result = await CheckOneAsync(Card("""[{"type":"Input.Text","id":"reason","isRequired":true}]"""));

        Assert.Equal(
            ["RequiredInputsShouldHaveErrorMessage", "RequiredInputsShouldHaveLabel"],
            result.Errors.Select(e => e.Event).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Duplicate_ids_fail()
    {
        var result = await CheckOneAsync(Card("""
            [{"type":"Input.Text","id":"reason","label":"Reason"},{"type":"Input.Text","id":"reason","label":"Again"}]
            """));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Validation", "DuplicateId"), (error.Phase, error.Event));
    }

    [Fact]
    public async Task Top_level_card_without_version_fails()
    {
        var result = await CheckOneAsync("""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Scope"}]}""");

        Assert.Equal("MissingCardVersion", Assert.Single(result.Errors).Event);
    }

    [Fact]
    public async Task Each_card_is_reported_under_its_own_name()
    {
        var report = await NodeChecks.CheckCardsAsync(
        [
            ("good", SummaryCard),
            ("typo", Card("""[{"type":"TextBlok"}]""")),
            ("also-good", Card("""[{"type":"TextBlock","text":"Done"}]""")),
        ]);

        Assert.Equal(["good", "typo", "also-good"], report.Results.Select(r => r.Name));
        Assert.False(report.Passed);
        Assert.True(report.For("good").Passed, report.Describe());
        Assert.False(report.For("typo").Passed);
        Assert.True(report.For("also-good").Passed, report.Describe());
    }
}
