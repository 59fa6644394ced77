namespace PlanBot.Cards.Tests.Support;

/// <summary>Text a user might type to make a card link, mention or format what it should only show.</summary>
internal static class Hostile
{
    public const string Answer = "[click](https://evil) <at>Boss</at> **bold**";

    /// <summary>Every construct the card hosts' Markdown knows, and a few they might.</summary>
    public static readonly string[] Samples =
    [
        Answer,
        "_italic_ and *emphasis* and __strong__ and ***both***",
        "![image](https://evil/x.png) and <https://evil> and [ref][1]\n[1]: https://evil",
        "# Heading\n## Sub\n- bullet\n+ plus\n* star\n1. first\n2) second\n> quote",
        "Setext\n===\nAnother\n---\n***\n___",
        "`code` and ``more code`` and\n```\nfenced\n```\n~~~\nfenced too\n~~~",
        "~~strike~~ and a table | a | b |\n|---|---|",
        "&lt;at&gt;Boss&lt;/at&gt; &amp; &copy; &#42;not emphasis&#42; &#x5B;x&#x5D;(y)",
        "<b>bold</b> <script>alert(1)</script> <a href=\"https://evil\">x</a> <!-- c -->",
        "\\*escaped\\* and \\[not a link\\](https://evil) and trailing backslash\\",
        "{{DATE(2027-03-15T10:00:00Z, SHORT)}} {{TIME(2027-03-15T10:00:00Z)}}",
        "    indented code block\n\ttabbed",
        "<at>Alex Wilber</at> says hi",
        "Contoso.Web 2.4 (carried over) - v1.2.3 + hotfix = done! 50% #1",
        "emoji 🚀 and accents é ü and CJK 日本",
    ];
}
