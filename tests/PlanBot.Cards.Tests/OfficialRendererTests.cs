using System.Text.Json.Nodes;
using PlanBot.Cards.Tests.Support;
using PlanBot.Testing.Checks;

namespace PlanBot.Cards.Tests;

/// <summary>Runs every sample card through the official renderer once (one Node process) for the tests below.</summary>
public sealed class OfficialRendererFixture : IAsyncLifetime
{
    public CardCheckReport Report { get; private set; } = new([]);

    public async Task InitializeAsync() =>
        Report = await NodeChecks.CheckCardsAsync(SampleCards.All.Select(c => (c.Name, c.Card.Json)));

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Every card kind, from views the engine builds over real plans, parses, validates and renders in
/// the official Adaptive Cards renderer with Teams' host config, without a single error or warning.
/// </summary>
public sealed class OfficialRendererTests(OfficialRendererFixture fixture) : IClassFixture<OfficialRendererFixture>
{
    public static IEnumerable<object[]> Names => SampleCards.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Card_passes_the_official_renderer_without_errors_or_warnings(string name)
    {
        var result = fixture.Report.For(name);

        // A people picker nobody has picked from yet has no choices of its own: Teams fills them from its
        // Data.Query, which the official renderer does not know, so it reports each one as an empty choice set.
        var pickers = EmptyPeoplePickers(SampleCards.Named(name).Json);
        var emptyChoiceSets = result.Errors.Count(e => e.Event == "CollectionCantBeEmpty");
        var issues = result.Errors.Where(e => e.Event != "CollectionCantBeEmpty").Concat(result.Warnings).Select(e => $"{e.Phase}/{e.Event}: {e.Message}").ToList();
        Assert.True(issues.Count == 0 && emptyChoiceSets == pickers, $"{name} ({emptyChoiceSets} empty choice sets, {pickers} of them people pickers):\n{string.Join('\n', issues)}");
    }

    private static int EmptyPeoplePickers(string json) =>
        CardJson.Typed(CardJson.Parse(json)).Count(t =>
            CardJson.TypeOf(t.Node) == "Input.ChoiceSet" && t.Node["choices.data"] is not null && t.Node["choices"] is JsonArray { Count: 0 });

    [Fact]
    public void Every_sample_card_was_checked()
    {
        Assert.Equal(SampleCards.All.Select(c => c.Name), fixture.Report.Results.Select(r => r.Name));
    }
}
