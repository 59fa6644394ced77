using System.Text;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// Slack mrkdwn for user text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped so the text cannot
/// become a link, a mention or <c>&lt;!channel&gt;</c>; and cut to a length limit with a note saying so.
/// </summary>
public static class SlackMrkdwn
{
    /// <summary>Appended where an answer was cut to fit a message.</summary>
    public const string FullAnswer = "… (full answer: `/plan show`)";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> escaped, at most <paramref name="max"/> characters long; when it had to be
    /// cut, it ends with <paramref name="suffix"/> (already mrkdwn), within the same limit.
    /// </summary>
    public static string Fit(string? text, int max, string suffix = FullAnswer)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        var escaped = Escape(text);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var room = Math.Max(0, max - suffix.Length);
        var builder = new StringBuilder(max);
        foreach (var c in text!)
        {
            var piece = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            var length = piece?.Length ?? 1;
            if (builder.Length + length > room)
            {
                break;
            }

            if (piece is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(piece);
            }
        }

        // Never leave half a surrogate pair at the cut.
        if (builder.Length > 0 && char.IsHighSurrogate(builder[^1]))
        {
            builder.Length--;
        }

        return builder.Append(suffix).ToString()[..Math.Min(max, builder.Length)];
    }

    /// <summary>
    /// Already-formatted mrkdwn cut to <paramref name="max"/> characters, at a line end where one is near,
    /// never inside an entity, ending with an ellipsis when cut.
    /// </summary>
    public static string Cut(string mrkdwn, int max)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        return mrkdwn.Length <= max ? mrkdwn : Chunks(mrkdwn, max - 1)[0] + "…";
    }

    /// <summary>Plain text cut to <paramref name="max"/> characters with an ellipsis (for plain_text fields).</summary>
    public static string Plain(string? text, int max)
    {
        var value = (text ?? string.Empty).ReplaceLineEndings(" ");
        if (value.Length <= max)
        {
            return value;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return string.Concat(value.AsSpan(0, cut), "…");
    }

    /// <summary>
    /// Splits mrkdwn into pieces of at most <paramref name="max"/> characters, at line ends where it can,
    /// so a long list can fill several section blocks.
    /// </summary>
    public static IReadOnlyList<string> Chunks(string mrkdwn, int max)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        var chunks = new List<string>();
        var rest = mrkdwn;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut <= 0)
            {
                cut = max;
                // Do not split an entity such as &amp; or a surrogate pair.
                var amp = rest.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
                if (amp > 0 && rest.IndexOf(';', amp) >= cut)
                {
                    cut = amp;
                }

                if (char.IsHighSurrogate(rest[cut - 1]))
                {
                    cut--;
                }
            }

            chunks.Add(rest[..cut]);
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            chunks.Add(rest);
        }

        return chunks;
    }
}
