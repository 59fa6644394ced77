using PlanBot.Slack.Turns;

namespace PlanBot.Slack.Tests.Turns;

public sealed class SlackTextTests
{
    [Fact]
    public void The_bot_mention_is_removed_and_other_mentions_stay_as_written()
    {
        var (text, mentions) = SlackText.Read("<@U0BOT> approvers <@U0APPROVER> and <@U0DEV|diego>", "U0BOT");

        Assert.Equal("approvers <@U0APPROVER> and <@U0DEV|diego>", text);
        Assert.Equal(
            [new SlackText.UserMention("<@U0APPROVER>", "U0APPROVER", null), new SlackText.UserMention("<@U0DEV|diego>", "U0DEV", "diego")],
            mentions);
    }

    [Fact]
    public void Slack_escapes_are_undone_outside_markup()
    {
        Assert.Equal("a < b & c > d, &lt; literally", SlackText.Read("a &lt; b &amp; c &gt; d, &amp;lt; literally", null).Text);
    }

    [Fact]
    public void An_auto_linked_email_reads_as_the_address()
    {
        Assert.Equal("alex@contoso.com, megan@contoso.com", SlackText.Read("<mailto:alex@contoso.com|alex@contoso.com>, <mailto:megan@contoso.com|megan@contoso.com>", null).Text);
    }

    [Fact]
    public void Links_channels_and_special_mentions_read_as_text()
    {
        var (text, mentions) = SlackText.Read("see <https://wiki.contoso.com/plan|the wiki>, <https://contoso.com|contoso.com>, <#C0RELEASE|releases> and <!here>", null);

        Assert.Equal("see the wiki (https://wiki.contoso.com/plan), https://contoso.com, #releases and @here", text);
        Assert.Empty(mentions);
    }

    [Fact]
    public void Line_breaks_of_a_multi_line_answer_are_kept()
    {
        Assert.Equal("Billing\nInvoices in PDF", SlackText.Read("<@U0BOT>  Billing\nInvoices in PDF", "U0BOT").Text);
    }
}
