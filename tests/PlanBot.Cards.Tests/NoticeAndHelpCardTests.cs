using System.Text.Json.Nodes;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.Tests;

public sealed class NoticeAndHelpCardTests
{
    [Fact]
    public void Each_mention_entity_text_is_exactly_the_markup_in_the_text()
    {
        var card = Card("notice-success-mentions");
        var entities = card["msteams"]!["entities"]!.AsArray().Select(e => e!.AsObject()).ToList();
        var texts = CardJson.MarkdownTexts(card).ToList();

        Assert.Equal(3, entities.Count);
        foreach (var entity in entities)
        {
            Assert.Equal("mention", entity["type"]!.GetValue<string>());
            var markup = entity["text"]!.GetValue<string>();
            Assert.Matches("^<at>[^<>]+</at>$", markup);
            Assert.Single(texts, t => t.Contains(markup, StringComparison.Ordinal));
        }

        Assert.Equal(["29:1-alex", "29:1-megan", "29:1-odd"], entities.Select(e => e["mentioned"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void Every_at_tag_in_the_card_belongs_to_a_mention_entity()
    {
        var card = Card("notice-success-mentions");
        var markups = card["msteams"]!["entities"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()).ToHashSet();

        var tags = CardJson.MarkdownTexts(card).SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, "<at>.*?</at>").Select(m => m.Value)).ToList();

        Assert.Equal(markups.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_person_without_a_Teams_id_is_named_not_mentioned()
    {
        var mentions = Card("notice-success-mentions")["body"]![1]!["text"]!.GetValue<string>();

        Assert.Contains(", lee@contoso.com,", mentions, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_without_mentions_has_no_Teams_extension()
    {
        Assert.Null(Card("notice-info")["msteams"]);
    }

    [Theory]
    [InlineData("notice-info", null, "No plans in this tenant yet. Start one with **plan &lt;product&gt; &lt;version&gt;**.")]
    [InlineData("notice-problem", "attention", "⚠️ I could not read \"\\[click\\]\\(https://evil) &lt;at&gt;Boss&lt;/at&gt; \\*\\*bold\\*\\*\" as a date.")]
    [InlineData("notice-success-mentions", "good", "✅ The plan for Contoso.Web 2.4 is ready for approval.")]
    [InlineData("notice-warning", "warning", "⚠️ The deployment window starts in less than 24 hours.")]
    public void A_notice_is_one_escaped_text_in_its_tones_colour(string name, string? color, string text)
    {
        var block = Card(name)["body"]![0]!;

        Assert.Equal(text, block["text"]!.GetValue<string>());
        Assert.Equal(color, block["color"]?.GetValue<string>());
    }

    [Fact]
    public void Help_lists_every_command_as_a_fact()
    {
        var view = (HelpView)SampleViews.Named("help");
        var facts = Card("help")["body"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "FactSet")!["facts"]!.AsArray();

        Assert.Equal(view.Commands.Select(c => CardText.EscapeInline(c.Usage)), facts.Select(f => f!["title"]!.GetValue<string>()));
        Assert.Equal(@"plan &lt;product&gt; &lt;version&gt;", facts[0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void Help_in_a_channel_says_to_mention_the_bot()
    {
        Assert.Contains(CardJson.MarkdownTexts(Card("help-in-channel")), t => t == "Here, start each command with @PlanBot.");
    }

    private static JsonObject Card(string name) => CardJson.Parse(SampleCards.Named(name).Json);
}
