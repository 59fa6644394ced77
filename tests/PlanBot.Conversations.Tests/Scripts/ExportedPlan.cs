using System.Globalization;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>One checklist item as the exported document shows it: the question, the answer and its byline.</summary>
public sealed record ExportedItem(string Question, string? Answer, string? AnsweredBy, DateTimeOffset? At, bool CarriedOver);

/// <summary>One <c>## </c> section of the exported document: its heading, what it holds, its items and any other lines.</summary>
public sealed record ExportedSection(string Heading, string? Holds, IReadOnlyList<ExportedItem> Items, IReadOnlyList<string> Lines);

/// <summary>
/// The exported Markdown read back the way a reader (or a later OpenUP task) would: the title, the
/// facts under it, then each section with its questions, quoted answers and bylines. Knows the
/// document's shape, not the engine's code, so a change to what the document says shows up here.
/// </summary>
public sealed class ExportedPlan
{
    private const string Byline = "<sub>";
    private const string CarriedMarker = "; carried over, not confirmed";

    public required string Title { get; init; }

    /// <summary>The bullet lines between the title and the first section, without "- ".</summary>
    public required IReadOnlyList<string> Facts { get; init; }

    public required IReadOnlyList<ExportedSection> Sections { get; init; }

    /// <summary>Splits the test rendering of an export into its link and its Markdown (null when sent by link only).</summary>
    public static (Uri? Link, string? Markdown) FromReply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        Assert.StartsWith("export ", lines[0], StringComparison.Ordinal);
        var link = lines.FirstOrDefault(l => l.StartsWith("link: ", StringComparison.Ordinal)) is { } l ? new Uri(l["link: ".Length..]) : null;
        const string Start = "\nmarkdown:\n";
        var at = text.IndexOf(Start, StringComparison.Ordinal);
        return (link, at < 0 ? null : text[(at + Start.Length)..]);
    }

    public static ExportedPlan Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n');
        Assert.StartsWith("# Deployment plan: ", lines[0], StringComparison.Ordinal);
        var facts = new List<string>();
        var sections = new List<ExportedSection>();
        string? heading = null;
        string? holds = null;
        var items = new List<ExportedItem>();
        var other = new List<string>();
        string? question = null;
        List<string>? quoted = null;

        void EndItem(string? answeredBy = null, DateTimeOffset? at = null, bool carried = false)
        {
            if (question is not null)
            {
                items.Add(new ExportedItem(question, quoted is null ? null : string.Join('\n', quoted), answeredBy, at, carried));
            }

            question = null;
            quoted = null;
        }

        void EndSection()
        {
            if (question is not null)
            {
                throw new Xunit.Sdk.XunitException($"The question \"{question}\" in section \"{heading}\" has neither an answer with a byline nor \"_Not answered._\".");
            }

            if (heading is not null)
            {
                sections.Add(new ExportedSection(heading, holds, items.ToList(), other.ToList()));
            }

            holds = null;
            items.Clear();
            other.Clear();
        }

        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                EndSection();
                heading = line[3..];
            }
            else if (heading is null)
            {
                if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    facts.Add(line[2..]);
                }
            }
            else if (line.StartsWith("**", StringComparison.Ordinal) && line.EndsWith("**", StringComparison.Ordinal) && line.Length > 4)
            {
                RequireClosed(question, heading);
                question = line[2..^2];
            }
            else if (question is not null && line.StartsWith("> ", StringComparison.Ordinal))
            {
                (quoted ??= []).Add(line[2..]);
            }
            else if (question is not null && line == ">")
            {
                (quoted ??= []).Add(string.Empty);
            }
            else if (question is not null && quoted is null && line == "_Not answered._")
            {
                EndItem();
            }
            else if (question is not null && quoted is not null && line.StartsWith(Byline, StringComparison.Ordinal))
            {
                var byline = line[Byline.Length..^"</sub>".Length];
                var carried = byline.EndsWith(CarriedMarker, StringComparison.Ordinal);
                if (carried)
                {
                    byline = byline[..^CarriedMarker.Length];
                }

                var comma = byline.LastIndexOf(", ", StringComparison.Ordinal);
                var at = DateTimeOffset.ParseExact(byline[(comma + 2)..], "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                EndItem(byline[..comma], at, carried);
            }
            else if (question is null && items.Count == 0 && holds is null && line.Length > 2 && line.StartsWith('_') && line.EndsWith('_'))
            {
                holds = line[1..^1];
            }
            else if (line.Length > 0)
            {
                if (question is not null)
                {
                    throw new Xunit.Sdk.XunitException($"Unexpected line under \"{question}\": {line}");
                }

                other.Add(line);
            }
        }

        EndSection();
        return new ExportedPlan { Title = lines[0]["# Deployment plan: ".Length..], Facts = facts, Sections = sections };
    }

    private static void RequireClosed(string? open, string? heading)
    {
        if (open is not null)
        {
            throw new Xunit.Sdk.XunitException($"The question \"{open}\" in section \"{heading}\" has neither an answer with a byline nor \"_Not answered._\".");
        }
    }
}
