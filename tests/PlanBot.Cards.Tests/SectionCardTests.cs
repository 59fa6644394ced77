using PlanBot.Cards.Tests.Support;

namespace PlanBot.Cards.Tests;

/// <summary>A section form's buttons: Save section always; Save and submit only where saving it can complete the plan.</summary>
public sealed class SectionCardTests
{
    private static IReadOnlyList<(string Title, string Verb)> Actions(string name) =>
        CardJson.Parse(SampleCards.Named(name).Json)["actions"]!.AsArray()
            .Select(a => (a!["title"]!.GetValue<string>(), a["verb"]!.GetValue<string>()))
            .ToList();

    [Fact]
    public void The_last_open_section_offers_save_and_submit_beside_save_section()
    {
        Assert.Equal([("Save section", "saveSection"), ("Save and submit", "saveAndSubmit")], Actions("section-last-to-submit"));
    }

    [Fact]
    public void Any_other_section_offers_save_section_only()
    {
        Assert.Equal([("Save section", "saveSection")], Actions("section-filled-9"));
        Assert.DoesNotContain(Actions("section-empty-1"), a => a.Verb == "saveAndSubmit");
    }

    [Fact]
    public void Save_and_submit_sends_the_inputs_with_a_submit_fallback_for_older_hosts()
    {
        var action = CardJson.Parse(SampleCards.Named("section-last-to-submit").Json)["actions"]!.AsArray()[1]!;

        Assert.Equal("auto", action["associatedInputs"]!.GetValue<string>());
        Assert.Equal("saveAndSubmit", action["fallback"]!["data"]!["verb"]!.GetValue<string>());
        Assert.Equal(9, action["data"]!["section"]!.GetValue<int>());
    }
}
