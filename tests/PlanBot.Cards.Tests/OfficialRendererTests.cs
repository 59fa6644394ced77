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

        var issues = result.Errors.Concat(result.Warnings).Select(e => $"{e.Phase}/{e.Event}: {e.Message}");
        Assert.True(result.Passed && result.Warnings.Count == 0, $"{name}:\n{string.Join('\n', issues)}");
    }

    [Fact]
    public void Every_sample_card_was_checked()
    {
        Assert.Equal(SampleCards.All.Select(c => c.Name), fixture.Report.Results.Select(r => r.Name));
    }
}
