using System.Globalization;
using System.Text;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// Makes text safe for a TextBlock or a Fact. Hosts read both as a Markdown subset (bold, italic,
/// links, lists) and Teams turns <c>&lt;at&gt;…&lt;/at&gt;</c> into mentions, so every piece of
/// text the card did not author itself (answers, names, reasons, product names, and the engine's
/// messages that quote them) goes through <see cref="Escape"/>: it then shows literally and can
/// neither link, mention nor format.
/// </summary>
/// <remarks>
/// How each construct is neutralised, and why this way:
/// <list type="bullet">
/// <item><c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> become HTML entities. The JavaScript renderer and the
/// shared model of the native renderers decode these five entities, and an entity is never markup,
/// so no <c>&lt;at&gt;</c> or HTML tag can form.</item>
/// <item>Emphasis, code, strike-through and link brackets (<c>* _ ` ~ [ ]</c>), the backslash itself,
/// and <c>{</c> (the <c>{{DATE(…)}}</c> functions) get a backslash, as CommonMark defines. A
/// <c>(</c> right after <c>]</c> gets one too, because the native renderers' parser builds a link
/// from <c>](</c> even when the bracket is escaped.</item>
/// <item>Block markers only count at the start of a line, so they are escaped only there: <c># - + =</c>
/// and the dot or parenthesis of <c>1.</c> / <c>1)</c>. Other dots, dashes and parentheses stay as
/// typed: some Teams mobile versions show backslashes instead of removing them.</item>
/// <item>Lines are trimmed (leading spaces would make a code block) and joined by a blank line, the
/// only line break every host renders inside a TextBlock.</item>
/// </list>
/// </remarks>
public static class CardText
{
    private const string AlwaysEscaped = "\\*_`~[]{";

    /// <summary>Text that shows literally in a TextBlock or Fact, whatever it contains.</summary>
    public static string Escape(string? text) =>
        EachLine(text, (line, builder) => EscapeSegment(line, builder, atLineStart: true));

    /// <summary>
    /// A message the bot wrote: it marks commands as <c>`code`</c> and may quote what people typed.
    /// The text around the commands is escaped as <see cref="Escape"/> does; each command is kept as
    /// inline code in chat text, or shown in bold on cards (<paramref name="forCard"/>), whose Markdown
    /// has no code spans. Either way no escape character shows. A backtick without its pair is escaped.
    /// </summary>
    public static string EscapeMessage(string? text, bool forCard) =>
        EachLine(text, (line, builder) =>
        {
            var at = 0;
            while (at < line.Length)
            {
                var open = line.IndexOf('`', at);
                var close = open < 0 ? -1 : line.IndexOf('`', open + 1);
                if (close < 0)
                {
                    EscapeSegment(line[at..], builder, atLineStart: at == 0);
                    break;
                }

                EscapeSegment(line[at..open], builder, atLineStart: at == 0);
                var code = line[(open + 1)..close];
                if (forCard)
                {
                    builder.Append("**");
                    EscapeSegment(code, builder, atLineStart: false);
                    builder.Append("**");
                }
                else
                {
                    // Inside a code span nothing is markup, so the command shows exactly as it is typed.
                    builder.Append('`').Append(code).Append('`');
                }

                at = close + 1;
            }
        });

    /// <summary>
    /// Each non-empty line of <paramref name="text"/>, cleaned, written by <paramref name="append"/>; lines are
    /// separated by a blank line, which Teams shows as a line break.
    /// </summary>
    private static string EachLine(string? text, Action<string, StringBuilder> append)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Clean(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            append(line, builder);
        }

        return builder.ToString();
    }

    /// <summary>Escaped text on one line, for places that must stay one line (a mention, a fact title).</summary>
    public static string EscapeInline(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : Escape(string.Join(' ', text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxChars"/> characters of the
    /// original, at a word boundary where one is near, and says how much was left out. Returns raw
    /// text: escape it like any other.
    /// </summary>
    public static string Cut(string text, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        var trimmed = text.Trim();
        if (trimmed.Length <= maxChars)
        {
            return trimmed;
        }

        var end = maxChars;
        if (end > 0 && char.IsHighSurrogate(trimmed[end - 1]))
        {
            end--;
        }

        var space = trimmed.LastIndexOfAny([' ', '\n', '\t'], Math.Max(end - 1, 0));
        if (space > end * 4 / 5)
        {
            end = space;
        }

        var kept = trimmed[..end].TrimEnd();
        return string.Create(CultureInfo.InvariantCulture, $"{kept} … (cut to {kept.Length:N0} of {trimmed.Length:N0} characters)");
    }

    /// <summary>
    /// The <c>&lt;at&gt;…&lt;/at&gt;</c> markup for a mention. The name is escaped, so the markup is
    /// the same string in the TextBlock and in the mention entity, and a name cannot break out of it.
    /// </summary>
    public static string MentionMarkup(string name) => $"<at>{EscapeInline(name)}</at>";

    private static string Clean(string line)
    {
        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Trim();
    }

    private static void EscapeSegment(string line, StringBuilder builder, bool atLineStart)
    {
        if (line.Length == 0)
        {
            return;
        }

        var start = 0;
        var digits = 0;
        while (digits < line.Length && digits < 10 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        // Block markers only count at the start of a line.
        if (atLineStart && digits > 0 && digits < line.Length && line[digits] is '.' or ')')
        {
            // "1." or "1)" would start an ordered list.
            builder.Append(line, 0, digits).Append('\\').Append(line[digits]);
            start = digits + 1;
        }
        else if (atLineStart && line[0] is '#' or '-' or '+' or '=')
        {
            // A heading, a bullet, a thematic break or a setext underline.
            builder.Append('\\').Append(line[0]);
            start = 1;
        }

        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '(' when i > 0 && line[i - 1] == ']':
                    builder.Append("\\(");
                    break;
                default:
                    if (AlwaysEscaped.Contains(c, StringComparison.Ordinal))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }
    }
}
