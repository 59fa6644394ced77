using System.Text;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Makes people's text (answers, names, reasons) read literally in the exported Markdown, whatever
/// viewer opens it: CommonMark, or GitHub's flavour with its tables and bare links. Every character
/// that could start emphasis, code, a link, an image, HTML, an entity or a table is escaped with a
/// backslash, and so are the few that only count at the start of a line (headings, lists, quotes)
/// or in a bare link (<c>://</c>, <c>www.</c>, <c>@</c>), so nothing a person typed can link,
/// format or forge a line of the document.
/// </summary>
public static class MarkdownText
{
    private const string AlwaysEscaped = "\\`*_[]<>&|~@{}";

    /// <summary>One line: line breaks become spaces, so the text stays inside the line it is put in.</summary>
    public static string EscapeInline(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : EscapeLine(string.Join(' ', text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>Each line of <paramref name="text"/> escaped, for a block such as a quoted answer.</summary>
    public static IEnumerable<string> EscapeLines(string? text) =>
        (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(EscapeLine);

    private static string EscapeLine(string line)
    {
        // Leading spaces would make a code block, trailing ones a hard break; control characters are not text.
        var trimmed = new string(line.Where(c => c == ' ' || !char.IsControl(c)).ToArray()).Trim();
        var builder = new StringBuilder(trimmed.Length + 8);
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            var escape = AlwaysEscaped.Contains(c, StringComparison.Ordinal)
                || (i == 0 && c is '#' or '-' or '+' or '=')
                || (c is '.' or ')' && IsListNumber(trimmed, i))
                || (c == ':' && trimmed.AsSpan(i + 1).StartsWith("//", StringComparison.Ordinal))
                || (c == '.' && i >= 3 && trimmed.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase));
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The dot or parenthesis of "12." or "3)" at the start of a line, which would start an ordered list.</summary>
    private static bool IsListNumber(string line, int at) =>
        at > 0 && at <= 9 && line.AsSpan(0, at).IndexOfAnyExceptInRange('0', '9') < 0;
}
