using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;

namespace PlanBot.Cards.Tests;

/// <summary>User text shows literally in a card: it can neither link, mention nor format.</summary>
public sealed class CardTextTests
{
    public static IEnumerable<object[]> HostileSamples => Hostile.Samples.Select(s => new object[] { s });

    [Fact]
    public void The_classic_injection_is_escaped_exactly()
    {
        Assert.Equal(@"\[click\]\(https://evil) &lt;at&gt;Boss&lt;/at&gt; \*\*bold\*\*", CardText.Escape(Hostile.Answer));
    }

    [Theory]
    [MemberData(nameof(HostileSamples))]
    public void Escaped_text_reads_literally_in_CommonMark(string text)
    {
        var escaped = CardText.Escape(text);

        foreach (var pipeline in CommonMark.Pipelines)
        {
            var html = CommonMark.Html(escaped, pipeline);
            Assert.Empty(CommonMark.Elements(html));
            Assert.Equal(CommonMark.Collapse(text), CommonMark.Visible(html));
        }
    }

    [Theory]
    [MemberData(nameof(HostileSamples))]
    public void Escaped_text_gives_the_native_renderers_nothing_to_parse(string text)
    {
        var escaped = CardText.Escape(text);

        // Teams' mobile renderers parse emphasis and links with a simpler parser than CommonMark:
        // it honours a backslash before * and _ only, and links any "](" it finds.
        Assert.DoesNotContain("](", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain('<', escaped);
        Assert.DoesNotContain('>', escaped);
        Assert.DoesNotContain("{{", escaped, StringComparison.Ordinal);
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] is '*' or '_' or '[' or ']' or '`' or '~')
            {
                Assert.True(EscapedAt(escaped, i), $"Unescaped '{escaped[i]}' at {i} in {escaped}");
            }
        }
    }

    [Fact]
    public void Random_text_always_reads_literally()
    {
        const string alphabet = "ab 1.-+=#*_`~[]()<>&!{}|\\\n\t:/\"'";
        var random = new Random(20270315);
        for (var run = 0; run < 2000; run++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var escaped = CardText.Escape(text);
            foreach (var pipeline in CommonMark.Pipelines)
            {
                var html = CommonMark.Html(escaped, pipeline);
                Assert.True(CommonMark.Elements(html).Count == 0, $"{Show(text)} made {string.Join(",", CommonMark.Elements(html))}: {html}");
                Assert.True(CommonMark.Collapse(text) == CommonMark.Visible(html), $"{Show(text)} reads as {CommonMark.Visible(html)}");
            }
        }
    }

    [Theory]
    [InlineData("Contoso.Web 2.4 (carried over) - v1.2.3, 50% done!", "Contoso.Web 2.4 (carried over) - v1.2.3, 50% done!")]
    [InlineData("1. first", @"1\. first")]
    [InlineData("12) twelfth", @"12\) twelfth")]
    [InlineData("- bullet", @"\- bullet")]
    [InlineData("# not a heading", @"\# not a heading")]
    [InlineData("see [docs]", @"see \[docs\]")]
    [InlineData("a\r\nb\n\n\nc", "a\n\nb\n\nc")]
    [InlineData("   indented", "indented")]
    [InlineData("", "")]
    public void Only_what_could_format_is_escaped(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
    }

    [Fact]
    public void Inline_escaping_keeps_one_line()
    {
        Assert.Equal("a b - c", CardText.EscapeInline("a\nb\n- c"));
    }

    [Fact]
    public void Mention_markup_escapes_the_name_inside_the_tags()
    {
        Assert.Equal("<at>Alex Wilber</at>", CardText.MentionMarkup("Alex Wilber"));
        Assert.Equal(@"<at>&lt;/at&gt;&lt;at&gt;Boss \*x\*</at>", CardText.MentionMarkup("</at><at>Boss *x*"));
    }

    [Fact]
    public void Cut_keeps_short_text_whole()
    {
        Assert.Equal("short answer", CardText.Cut("  short answer ", 500));
    }

    [Fact]
    public void Cut_shortens_at_a_word_and_says_how_much_is_shown()
    {
        var text = string.Join(' ', Enumerable.Repeat("deploy", 500));

        var cut = CardText.Cut(text, 500);

        Assert.StartsWith("deploy deploy", cut, StringComparison.Ordinal);
        Assert.EndsWith("… (cut to 496 of 3,499 characters)", cut, StringComparison.Ordinal);
        Assert.DoesNotContain("deplo …", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Cut_never_splits_a_surrogate_pair()
    {
        var cut = CardText.Cut(string.Concat(Enumerable.Repeat("🚀", 10)), 5);

        Assert.StartsWith("🚀🚀 …", cut, StringComparison.Ordinal);
    }

    private static bool EscapedAt(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static string Show(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
