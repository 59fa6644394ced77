using System.Text;
using System.Text.RegularExpressions;

namespace PlanBot.Slack.Turns;

/// <summary>
/// Reads the text of a Slack message as a person typed it. Slack escapes <c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c> and wraps links, channels and mentions in <c>&lt;…&gt;</c>: links become their address
/// (an auto-linked email its address, so "alex@contoso.com" reads as an email), channels <c>#name</c>,
/// special mentions <c>@here</c>; user mentions stay as Slack wrote them, because the answer reader
/// finds people by that exact markup. The bot's own mention is removed.
/// </summary>
public static partial class SlackText
{
    /// <summary>A user mention found in the text: its markup as it stands there, the id and the name given in it.</summary>
    public sealed record UserMention(string Markup, string UserId, string? Name);

    public static (string Text, IReadOnlyList<UserMention> Mentions) Read(string? text, string? botUserId)
    {
        var source = text ?? string.Empty;
        var output = new StringBuilder(source.Length);
        var mentions = new List<UserMention>();
        var at = 0;
        foreach (Match token in Token().Matches(source))
        {
            output.Append(Unescape(source[at..token.Index]));
            at = token.Index + token.Length;
            var inner = token.Groups["inner"].Value;
            var bar = inner.IndexOf('|', StringComparison.Ordinal);
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : Unescape(inner[(bar + 1)..]);
            switch (target)
            {
                case ['@', ..]:
                    var id = target[1..];
                    if (id == botUserId)
                    {
                        break;
                    }

                    mentions.Add(new UserMention(token.Value, id, string.IsNullOrWhiteSpace(label) ? null : label));
                    output.Append(token.Value);
                    break;
                case ['#', ..]:
                    output.Append('#').Append(label ?? target[1..]);
                    break;
                case ['!', ..]:
                    output.Append(Special(target[1..], label));
                    break;
                default:
                    output.Append(Link(Unescape(target), label));
                    break;
            }
        }

        output.Append(Unescape(source[at..]));
        var read = Spaces().Replace(output.ToString(), " ").Trim();
        return (read, mentions);
    }

    private static string Special(string name, string? label) => name switch
    {
        "here" or "channel" or "everyone" => "@" + name,
        _ when label is not null => label,
        _ => name.Split('^')[0],
    };

    private static string Link(string target, string? label)
    {
        if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return target["mailto:".Length..];
        }

        if (label is null || label == target || target.EndsWith("//" + label, StringComparison.Ordinal) || target.EndsWith("//" + label + "/", StringComparison.Ordinal))
        {
            return target;
        }

        return $"{label} ({target})";
    }

    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex("<(?<inner>[^<>]+)>")]
    private static partial Regex Token();

    // Removing the bot's mention leaves doubled spaces; newlines of multi-line answers stay.
    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex Spaces();
}
