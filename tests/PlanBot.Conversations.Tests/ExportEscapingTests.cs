using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// The exported document is parsed as its readers' viewers would (CommonMark, and GitHub's flavour
/// with tables and bare links): nothing people typed (answers, names, reasons) becomes a link, HTML,
/// a heading, a list item or any other line of the document's own.
/// </summary>
public sealed class ExportEscapingTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly TheoryData<string> Hostile =
    [
        "[click](https://evil.example) <at>Boss</at> **bold** <b>html</b> &copy;",
        "# Forged heading\n- forged item\n1. forged step\n> forged quote\n```\nfenced\n```",
        "See https://evil.example and www.evil.example and mallory@evil.example, ![x](https://evil.example/x.png)",
        "| a | b |\n|---|---|\n| c | d |",
        "    indented code\nSetext\n===\n<script>alert(1)</script>\n<!-- comment -->",
        "trailing backslash \\ and `code` and ~~strike~~ and _under_ [ref][1]\n[1]: https://evil.example",
    ];

    private static readonly MarkdownPipeline[] Viewers =
    [
        new MarkdownPipelineBuilder().Build(),
        new MarkdownPipelineBuilder().UseAdvancedExtensions().Build(),
    ];

    private static Plan HostilePlan(string text)
    {
        var author = new PersonRef("29:1-odd", $"Odd {text.Split('\n')[0]}", Upn: "odd@contoso.com");
        var approver = new PersonRef("29:1-alex", "Alex Wilber");
        var plan = Plan.Start("p1", BotWorld.Tenant, "Contoso.Web", "2.4", TestPeople.Dana, Now);
        foreach (var question in PlanChecklist.Questions)
        {
            var value = question.Id == Plan.ApproversQuestion
                ? new AnswerValue { Text = approver.Name, People = [approver] }
                : new AnswerValue { Text = text };
            var by = question.Id == Plan.ApproversQuestion ? TestPeople.Dana : author;
            plan = plan.WithAnswer(new Answer(question.Id, value, new Provenance(by, Now, "msteams")), Now);
        }

        return plan.Submit(TestPeople.Dana, Now).Decide(approver, Verdict.Reject, text, Now);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Peoples_text_cannot_link_format_or_forge_lines(string text)
    {
        var plan = HostilePlan(text);
        var markdown = PlanMarkdown.Render(plan);

        foreach (var viewer in Viewers)
        {
            var document = Markdown.Parse(markdown, viewer);
            var all = document.Descendants().ToList();
            Assert.Empty(all.OfType<LinkInline>());
            Assert.Empty(all.OfType<AutolinkInline>());
            Assert.Empty(all.OfType<HtmlBlock>());
            Assert.Empty(all.OfType<CodeBlock>());
            Assert.Empty(all.OfType<CodeInline>());
            Assert.All(all.OfType<EmphasisInline>(), e => Assert.Contains(Text(e), OwnEmphasis));
            Assert.All(all.OfType<HtmlInline>(), h => Assert.Contains(h.Tag, new[] { "<sub>", "</sub>" }));
            // The document's own: a title, each section and the approval record; its facts and one decision.
            Assert.Equal(SectionInfo.All.Count + 2, all.OfType<HeadingBlock>().Count());
            Assert.Equal(3 + 1, all.OfType<ListItemBlock>().Count());
            Assert.Equal(PlanChecklist.Count, all.OfType<QuoteBlock>().Count());
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void An_answer_reads_as_it_was_typed(string text)
    {
        var html = Markdown.ToHtml(PlanMarkdown.Render(HostilePlan(text)));
        var plain = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty));

        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            Assert.Contains(line, plain, StringComparison.Ordinal);
        }
    }

    /// <summary>The document's own emphasis: each question in bold, each section's purpose in italics.</summary>
    private static readonly HashSet<string> OwnEmphasis =
        [.. PlanChecklist.Questions.Select(q => q.Text), .. SectionInfo.All.Select(s => s.Holds)];

    private static string Text(ContainerInline inline) =>
        string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}
