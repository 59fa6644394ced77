namespace PlanBot.Slack.Blocks;

/// <summary>Text (up to 3,000 characters), and/or up to ten fields of 2,000, with an optional accessory element.</summary>
public sealed class SectionBlock : Block
{
    public SectionBlock(TextObject? text, IEnumerable<TextObject>? fields = null)
        : base("section")
    {
        if (text is null && fields is null)
        {
            throw new ArgumentException("A section needs text or fields.", nameof(text));
        }

        if (text is not null)
        {
            BlockLimits.Check(text.Text, BlockLimits.SectionText, "a section's text");
            if (text.Text.Length == 0)
            {
                throw new ArgumentException("A section's text must not be empty.", nameof(text));
            }
        }

        Text = text;
        if (fields is not null)
        {
            Fields = BlockLimits.Count(fields, 1, BlockLimits.SectionFields, "a section's fields");
            foreach (var field in Fields)
            {
                BlockLimits.Check(field.Text, BlockLimits.FieldText, "a section field");
            }
        }
    }

    public TextObject? Text { get; }

    public IReadOnlyList<TextObject>? Fields { get; }

    public BlockElement? Accessory { get; init; }
}
