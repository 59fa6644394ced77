using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Tests.Blocks;

/// <summary>PROTOCOLS.md 7, vector 8: the builders refuse what Slack would refuse.</summary>
public sealed class BlockLimitsTests
{
    private static SectionBlock Section(string text = "text") => new(new Mrkdwn(text));

    [Fact]
    public void A_message_takes_50_blocks_but_not_51()
    {
        _ = new BlockKitMessage("fallback", Enumerable.Range(0, 50).Select(_ => Section()));

        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockKitMessage("fallback", Enumerable.Range(0, 51).Select(_ => Section())));
    }

    [Fact]
    public void A_message_needs_a_block()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockKitMessage("fallback", []));
    }

    [Fact]
    public void Section_text_takes_3000_characters_but_not_3001()
    {
        _ = Section(new string('a', 3000));

        Assert.Throws<ArgumentOutOfRangeException>(() => Section(new string('a', 3001)));
    }

    [Fact]
    public void A_section_takes_ten_fields_of_2000_characters()
    {
        _ = new SectionBlock(null, Enumerable.Range(0, 10).Select(_ => new Mrkdwn(new string('f', 2000))));

        Assert.Throws<ArgumentOutOfRangeException>(() => new SectionBlock(null, Enumerable.Range(0, 11).Select(_ => new Mrkdwn("f"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SectionBlock(null, [new Mrkdwn(new string('f', 2001))]));
    }

    [Fact]
    public void A_header_takes_150_characters()
    {
        _ = new HeaderBlock(new PlainText(new string('h', 150)));

        Assert.Throws<ArgumentOutOfRangeException>(() => new HeaderBlock(new PlainText(new string('h', 151))));
    }

    [Fact]
    public void A_modal_title_takes_24_characters_but_not_25()
    {
        _ = new ModalView(new PlainText(new string('t', 24)), [Section()]);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ModalView(new PlainText(new string('t', 25)), [Section()]));
    }

    [Fact]
    public void Private_metadata_takes_3000_characters_but_not_3001()
    {
        _ = new ModalView(new PlainText("Title"), [Section()]) { PrivateMetadata = new string('m', 3000) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ModalView(new PlainText("Title"), [Section()]) { PrivateMetadata = new string('m', 3001) });
    }

    [Fact]
    public void A_button_value_takes_2000_characters_and_its_text_75()
    {
        _ = new ButtonElement("approve", new PlainText(new string('b', 75))) { Value = new string('v', 2000) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new ButtonElement("approve", new PlainText("Approve")) { Value = new string('v', 2001) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ButtonElement("approve", new PlainText(new string('b', 76))));
    }

    [Fact]
    public void A_button_style_is_primary_or_danger()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ButtonElement("approve", new PlainText("Approve")) { Style = "green" });
    }

    [Fact]
    public void Modal_buttons_confirm_dialogs_and_inputs_keep_their_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ModalView(new PlainText("Title"), [Section()]) { Submit = new PlainText(new string('s', 25)) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfirmDialog(new PlainText("Sure?"), new PlainText(new string('c', 301)), new PlainText("Yes"), new PlainText("No")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlainTextInputElement("reason") { MaxLength = 3001 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlainTextInputElement("reason") { Placeholder = new PlainText(new string('p', 151)) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActionsBlock(Enumerable.Range(0, 26).Select(i => new ButtonElement($"b{i}", new PlainText("B")))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContextBlock(Enumerable.Range(0, 11).Select(_ => new Mrkdwn("c"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ButtonElement(new string('a', 256), new PlainText("B")));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SelectOption(new PlainText("o"), new string('v', 151)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DatePickerElement("date") { InitialDate = "15/03/2027" });
    }

    [Fact]
    public void Time_pickers_and_people_pickers_keep_their_limits()
    {
        _ = new TimePickerElement("time") { InitialTime = "22:00", Placeholder = new PlainText("A time") };
        _ = new MultiUsersSelectElement("people") { InitialUsers = Enumerable.Range(0, 100).Select(i => $"U{i:D4}").ToList(), MaxSelectedItems = 1 };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TimePickerElement("time") { InitialTime = "10pm" });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimePickerElement("time") { InitialTime = "22:00:00" });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiUsersSelectElement("people") { InitialUsers = [] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiUsersSelectElement("people") { InitialUsers = Enumerable.Range(0, 101).Select(i => $"U{i:D4}").ToList() });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiUsersSelectElement("people") { MaxSelectedItems = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiUsersSelectElement("people") { Placeholder = new PlainText(new string('p', 151)) });
    }
}
