using System.Net;
using System.Text.RegularExpressions;
using Markdig;

namespace PlanBot.Cards.Tests.Support;

/// <summary>
/// A reference CommonMark parser (Markdig) standing in for the card hosts' Markdown: what text
/// a TextBlock shows, and which HTML elements its Markdown made.
/// </summary>
internal static partial class CommonMark
{
    /// <summary>CommonMark, and CommonMark with the GitHub extras some hosts add (strike-through, tables).</summary>
    public static readonly IReadOnlyList<MarkdownPipeline> Pipelines =
    [
        new MarkdownPipelineBuilder().Build(),
        new MarkdownPipelineBuilder().UseEmphasisExtras().UsePipeTables().UseTaskLists().Build(),
    ];

    public static string Html(string markdown, MarkdownPipeline pipeline) => Markdown.ToHtml(markdown, pipeline);

    /// <summary>The elements the Markdown produced, apart from the paragraphs every text has.</summary>
    public static IReadOnlyList<string> Elements(string html) =>
        Tag().Matches(html).Select(m => m.Groups["name"].Value.ToLowerInvariant()).Where(n => n != "p").Distinct().ToList();

    /// <summary>The text a reader sees, whitespace collapsed.</summary>
    public static string Visible(string html) => Collapse(WebUtility.HtmlDecode(Tag().Replace(html, " ")));

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"</?(?<name>[a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
