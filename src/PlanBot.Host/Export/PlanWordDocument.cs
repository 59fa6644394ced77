using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Host.Plans;

namespace PlanBot.Host.Export;

/// <summary>
/// The plan as a Word document in the artifact's section order: each answer with who gave it, when,
/// and which plan it was carried over from; then the approval record and the history. Every piece of
/// people's text goes into a text node (the SDK escapes it), with characters XML cannot hold removed,
/// so no answer can add markup or break the file.
/// </summary>
public static class PlanWordDocument
{
    public const string TitleStyle = "Title";
    public const string SectionStyle = "Heading1";
    public const string QuestionStyle = "Heading2";
    public const string ProvenanceStyle = "Provenance";

    public static string FileName(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var safe = new string(plan.Title.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray());
        return $"deployment-plan-{safe}.docx";
    }

    public static byte[] Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            Write(plan, body);
            main.Document = new Document(body);
            document.PackageProperties.Title = Clean($"Deployment plan: {plan.Title}");
            document.PackageProperties.Creator = "PlanBot";
        }

        return stream.ToArray();
    }

    /// <summary>Text as XML can hold it: control characters and lone surrogates are dropped.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text[i]).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }

    private static void Write(Plan plan, Body body)
    {
        var completeness = plan.Completeness();
        body.Append(Paragraph(TitleStyle, $"Deployment plan: {plan.Title}"));
        body.Append(Paragraph(null, $"State: {PlanRecordText.State(plan.State)}, revision {plan.Revision}"));
        body.Append(Paragraph(null, $"Owner (deployment engineer): {plan.Owner}"));
        body.Append(Paragraph(null, string.Create(CultureInfo.InvariantCulture, $"Complete: {completeness.Percent}% ({completeness.Answered} of {completeness.Total} checklist questions)")));
        if (plan.BaselineTitle is not null)
        {
            body.Append(Paragraph(null, $"Started from the plan for {plan.BaselineTitle}"));
        }

        foreach (var section in SectionInfo.All)
        {
            body.Append(Paragraph(SectionStyle, $"{section.Number}. {section.Title}"));
            body.Append(Paragraph(null, section.Holds, italic: true));
            foreach (var question in PlanChecklist.In(section.Section))
            {
                body.Append(Paragraph(QuestionStyle, question.Text));
                if (plan.AnswerTo(question.Id) is not { } answer)
                {
                    body.Append(Paragraph(null, "Not answered.", italic: true));
                    continue;
                }

                body.Append(Lines(answer.Value.Text));
                body.Append(Paragraph(ProvenanceStyle, PlanRecordText.Provenance(plan, answer)));
            }
        }

        body.Append(Paragraph(SectionStyle, "Approval record"));
        body.Append(Paragraph(null, PlanRecordText.Approvers(plan)));
        if (plan.Decisions.Count == 0)
        {
            body.Append(Paragraph(null, "No decisions yet."));
        }

        foreach (var decision in plan.Decisions)
        {
            body.Append(Paragraph(null, PlanRecordText.Decision(decision)));
        }

        body.Append(Paragraph(QuestionStyle, "History"));
        foreach (var planEvent in plan.History)
        {
            body.Append(Paragraph(null, PlanRecordText.Event(planEvent)));
        }
    }

    /// <summary>An answer as one paragraph, its lines kept apart by breaks, so it reads as typed.</summary>
    private static Paragraph Lines(string text)
    {
        var paragraph = new Paragraph();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(Clean(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
        }

        paragraph.Append(run);
        return paragraph;
    }

    private static Paragraph Paragraph(string? style, string text, bool italic = false)
    {
        var run = new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        if (italic)
        {
            run.PrependChild(new RunProperties(new Italic()));
        }

        var paragraph = new Paragraph(run);
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    private static Styles Styles() => new(
        Style(TitleStyle, "Title", 40, bold: true),
        Style(SectionStyle, "heading 1", 30, bold: true),
        Style(QuestionStyle, "heading 2", 24, bold: true),
        Style(ProvenanceStyle, "Provenance", 18, bold: false, color: "595959"));

    private static Style Style(string id, string name, int halfPoints, bool bold, string? color = null)
    {
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }

        if (color is not null)
        {
            run.Append(new Color { Val = color });
        }

        run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Style(new StyleName { Val = name }, new PrimaryStyle(), run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
