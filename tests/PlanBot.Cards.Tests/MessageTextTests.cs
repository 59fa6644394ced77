using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;
using PlanBot.Cards.Text;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.Tests;

/// <summary>
/// The bot's own messages name commands as <c>`code`</c>. Those show as code in chat text and in bold
/// on cards, never with an escape character in sight; what people typed around them still cannot
/// link, mention or format.
/// </summary>
public sealed class MessageTextTests
{
    private const string Message = "No plans in this tenant yet. Start one with `plan <product> <version>`, then `status`.";

    public static IEnumerable<object[]> HostileSamples => Hostile.Samples.Select(s => new object[] { s });

    [Fact]
    public void Commands_in_chat_text_are_inline_code()
    {
        var text = CardText.EscapeMessage(Message, forCard: false);

        Assert.Equal("No plans in this tenant yet. Start one with `plan <product> <version>`, then `status`.", text);
        foreach (var pipeline in CommonMark.Pipelines)
        {
            var html = CommonMark.Html(text, pipeline);
            Assert.Equal(["code"], CommonMark.Elements(html));
            Assert.Equal("No plans in this tenant yet. Start one with plan <product> <version> , then status .", CommonMark.Visible(html));
        }
    }

    [Fact]
    public void Commands_on_cards_are_bold_and_escaped()
    {
        var text = CardText.EscapeMessage(Message, forCard: true);

        Assert.Equal("No plans in this tenant yet. Start one with **plan &lt;product&gt; &lt;version&gt;**, then **status**.", text);
        Assert.DoesNotContain('\\', text);
        Assert.DoesNotContain('`', text);
    }

    [Fact]
    public void A_backtick_without_its_pair_is_escaped()
    {
        Assert.Equal("one \\` alone", CardText.EscapeMessage("one ` alone", forCard: false));
        Assert.Equal("`status` and one \\` alone", CardText.EscapeMessage("`status` and one ` alone", forCard: false));
    }

    [Fact]
    public void Block_markers_count_at_the_start_of_a_line_only()
    {
        Assert.Equal("\\- `skip` - leave it", CardText.EscapeMessage("- `skip` - leave it", forCard: false));
        Assert.Equal("`edit 3` - then 1. again", CardText.EscapeMessage("`edit 3` - then 1. again", forCard: false));
    }

    [Theory]
    [MemberData(nameof(HostileSamples))]
    public void Peoples_text_beside_a_command_can_neither_link_mention_nor_format(string hostile)
    {
        foreach (var forCard in new[] { false, true })
        {
            var text = CardText.EscapeMessage($"You wrote {hostile}; type `status`.", forCard);

            // A command is the one construct left: code in chat text, bold on a card.
            Assert.DoesNotContain("<at>", text, StringComparison.Ordinal);
            foreach (var pipeline in CommonMark.Pipelines)
            {
                var elements = CommonMark.Elements(CommonMark.Html(text, pipeline));
                Assert.Equal([forCard ? "strong" : "code"], elements);
            }
        }
    }

    [Fact]
    public void A_notice_sent_as_text_shows_its_commands_without_backslashes()
    {
        var text = TextRenderer.Render(new NoticeView("Cancelled the plan for Contoso.Web 2.4. `plan Contoso.Web 2.4` reopens it.", Tone.Success));

        Assert.Equal("✅ Cancelled the plan for Contoso.Web 2.4. `plan Contoso.Web 2.4` reopens it.", text);
    }
}
