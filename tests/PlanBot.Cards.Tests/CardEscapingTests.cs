using System.Text.Json.Nodes;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Checklist;
using PlanBot.Testing;

namespace PlanBot.Cards.Tests;

/// <summary>Across every card, user text shows literally: the only Markdown is the card's own bold, the only mentions its own entities.</summary>
public sealed class CardEscapingTests
{
    public static IEnumerable<object[]> Names => SampleCards.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void No_card_text_links_or_formats_beyond_its_own_bold(string name)
    {
        var card = CardJson.Parse(SampleCards.Named(name).Json);

        foreach (var text in CardJson.MarkdownTexts(card))
        {
            foreach (var pipeline in CommonMark.Pipelines)
            {
                var elements = CommonMark.Elements(CommonMark.Html(text, pipeline));
                // <at> is checked against the mention entities below.
                Assert.True(elements.All(e => e is "strong" or "at"), $"{name}: \"{text}\" makes {string.Join(", ", elements)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void No_card_has_an_at_tag_without_its_mention_entity(string name)
    {
        var card = CardJson.Parse(SampleCards.Named(name).Json);
        var entities = card["msteams"]?["entities"]?.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToHashSet() ?? [];

        foreach (var text in CardJson.MarkdownTexts(card))
        {
            var rest = entities.Aggregate(text, (t, markup) => t.Replace(markup, string.Empty, StringComparison.Ordinal));
            Assert.DoesNotContain("<", rest, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_classic_injection_in_an_answer_renders_literally_in_the_full_plan()
    {
        var plan = SamplePlans.Answered().WithAnswer(SamplePlans.Read(PlanChecklist.Get("risks"), Hostile.Answer), SamplePlans.Now);

        var card = CardJson.Parse(AdaptiveCardRenderer.Render(PlanSummaries.Build(plan, full: true)).Json);

        var item = Assert.Single(CardJson.MarkdownTexts(card), t => t.Contains("Boss", StringComparison.Ordinal));
        Assert.Equal(
            "**What risks or issues does this release carry, from the risk assessment?**\n\n" +
            @"\[click\]\(https://evil) &lt;at&gt;Boss&lt;/at&gt; \*\*bold\*\*" +
            "\n\n— Dana Owner, 1 Feb 2027",
            item);
        foreach (var pipeline in CommonMark.Pipelines)
        {
            var html = CommonMark.Html(item, pipeline);
            Assert.Contains("<p>[click](https://evil) &lt;at&gt;Boss&lt;/at&gt; **bold**</p>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Product_names_and_people_are_escaped_in_titles_and_facts()
    {
        var plan = SamplePlans.Empty() with { Product = "**Contoso**_[x](y)", Owner = SamplePlans.Empty().Owner with { Name = "<at>Boss</at>" } };

        var card = CardJson.Parse(AdaptiveCardRenderer.Render(PlanSummaries.Build(plan, full: false)).Json);
        var texts = CardJson.MarkdownTexts(card).ToList();

        Assert.Equal(@"Deployment plan: \*\*Contoso\*\*\_\[x\]\(y) 2.4", texts[0]);
        Assert.Contains("&lt;at&gt;Boss&lt;/at&gt;", texts);
        Assert.Equal(@"Deployment plan \*\*Contoso\*\*\_\[x\]\(y) 2.4: a draft, 0% complete.", card["fallbackText"]!.GetValue<string>());
    }
}
