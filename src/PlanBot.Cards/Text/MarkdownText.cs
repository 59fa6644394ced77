using System.Text;

namespace PlanBot.Cards.Text;

/// <summary>Escapes user text so it shows literally in chat markdown: no links, mentions or formatting it did not ask for.</summary>
public static class MarkdownText
{
    // Only what starts emphasis, code, links or tables mid-line; "Contoso.Web 2.4" must read as typed.
    private const string Special = "\\`*_[]~|";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
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
                default:
                    if (Special.Contains(c, StringComparison.Ordinal))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
