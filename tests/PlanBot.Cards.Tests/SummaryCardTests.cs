using PlanBot.Cards.Tests.Support;

namespace PlanBot.Cards.Tests;

/// <summary>The plan summary card at a glance: each section's progress, and who has a section handed to them.</summary>
public sealed class SummaryCardTests
{
    [Fact]
    public void An_open_section_handed_to_a_developer_names_them_and_the_others_do_not()
    {
        var facts = CardJson.Typed(CardJson.Parse(SampleCards.Named("summary-assigned").Json))
            .Where(n => CardJson.TypeOf(n.Node) == "FactSet")
            .SelectMany(n => n.Node["facts"]!.AsArray())
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());

        Assert.Equal("1 of 2 answered, with Megan Bowen", Assert.Single(facts, f => f.Key.EndsWith("6. Delivery team", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(facts, f => !f.Key.EndsWith("6. Delivery team", StringComparison.Ordinal) && f.Value.Contains("with", StringComparison.Ordinal));
    }
}
