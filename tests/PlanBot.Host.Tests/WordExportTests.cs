using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Host.Export;
using PlanBot.Host.Plans;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>
/// <c>export docx</c>: the stored plan as a Word document behind the same signed links as the
/// Markdown export, opened back with the Open XML SDK and compared paragraph by paragraph.
/// </summary>
public sealed class WordExportTests : IDisposable
{
    private const string Hostile = "</w:t></w:r></w:p><w:p><w:r><w:t>injected\u0001\u0007 & <script>alert(1)</script> \uD800";

    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();
    private readonly PlanBotFactory factory;

    public WordExportTests()
    {
        factory = new PlanBotFactory(database.Path, connector);
    }

    public void Dispose()
    {
        factory.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task The_document_holds_every_section_answer_provenance_decision_and_event_of_the_stored_plan()
    {
        var plan = await StoreAsync(ReviewedPlanCarriedOverFromTheLastRelease());
        var links = factory.Services.GetRequiredService<ExportLinks>();

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(links.Create(plan.TenantId, plan.Id, ExportFormat.Word).PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportEndpoint.WordContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("deployment-plan-Contoso.Web-2.4.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var paragraphs = Read(document);

        Assert.Equal(Expected(plan), paragraphs);
    }

    [Fact]
    public async Task An_answer_written_as_markup_stays_text_in_one_paragraph()
    {
        var plan = await StoreAsync(SamplePlans.Answered(3).WithAnswer(
            new Answer("why", new AnswerValue { Text = Hostile }, new Provenance(People.Alex, SamplePlans.Now, "msteams")), SamplePlans.Now));

        using var document = WordprocessingDocument.Open(new MemoryStream(PlanWordDocument.Render(plan)), isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var paragraphs = Read(document);
        var answer = Assert.Single(paragraphs, p => p.Text.Contains("injected", StringComparison.Ordinal));
        Assert.Equal("</w:t></w:r></w:p><w:p><w:r><w:t>injected & <script>alert(1)</script> ", answer.Text);
        Assert.Null(answer.Style);
        Assert.Equal(Expected(plan).Count, paragraphs.Count);
    }

    [Fact]
    public async Task Export_docx_in_chat_links_to_the_document_of_the_conversations_plan()
    {
        var bot = new BotClient(factory, new Activities());
        await bot.SayAsync("plan Contoso.Web 2.4");
        await bot.SayAsync("Dark mode, saved carts");

        var reply = Assert.Single(await bot.SayAsync("export docx"));

        Assert.Contains("Word document", reply, StringComparison.Ordinal);
        var link = new Uri(reply[reply.IndexOf("http://", StringComparison.Ordinal)..].Split(' ', '\n', ')')[0]);
        Assert.Contains("/export/docx?", link.PathAndQuery, StringComparison.Ordinal);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        Assert.Contains(Read(document), p => p.Text == "Dark mode, saved carts");
    }

    [Theory]
    [InlineData("sig", HttpStatusCode.Forbidden)]
    [InlineData("tenant", HttpStatusCode.Forbidden)]
    [InlineData("incomplete", HttpStatusCode.BadRequest)]
    public async Task A_word_link_follows_the_markdown_links_rules(string change, HttpStatusCode expected)
    {
        var plan = await StoreAsync(SamplePlans.Answered(3));
        var good = factory.Services.GetRequiredService<ExportLinks>().Create(plan.TenantId, plan.Id, ExportFormat.Word).PathAndQuery;
        var bad = change switch
        {
            "sig" => good[..^4] + "0000",
            "tenant" => good.Replace("tenant=msteams", "tenant=slack", StringComparison.Ordinal),
            _ => good[..good.IndexOf("&sig=", StringComparison.Ordinal)],
        };

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(bad);

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>A plan in review, started from Contoso.Web 2.3: four answers carried over, one of them kept.</summary>
    private static Plan ReviewedPlanCarriedOverFromTheLastRelease()
    {
        var plan = SamplePlans.InReviewWaitingForAlex() with { BaselinePlanId = "plan-contoso-web-2.3", BaselineTitle = "Contoso.Web 2.3" };
        var carried = new Dictionary<string, Answer>(plan.Answers);
        foreach (var id in new[] { "end-users", "support" })
        {
            carried[id] = carried[id] with { Provenance = carried[id].Provenance with { CarriedOver = id == "support", CarriedFromPlanId = "plan-contoso-web-2.3" } };
        }

        carried.Remove("training");
        return plan with { Answers = carried };
    }

    private async Task<Plan> StoreAsync(Plan plan)
    {
        var store = factory.Services.GetRequiredService<IConversationStore>();
        await store.CommitAsync(new TurnCommit(null, [new Versioned<PlanDocument>(new PlanDocument { Plan = plan }, null)]), CancellationToken.None);
        return plan;
    }

    /// <summary>What the document must say, paragraph by paragraph, built from the plan on its own.</summary>
    private static List<WordParagraph> Expected(Plan plan)
    {
        var completeness = plan.Completeness();
        var expected = new List<WordParagraph>
        {
            new(PlanWordDocument.TitleStyle, $"Deployment plan: {plan.Title}"),
            new(null, $"State: {PlanRecordText.State(plan.State)}, revision {plan.Revision}"),
            new(null, $"Owner (deployment engineer): {plan.Owner}"),
            new(null, $"Complete: {completeness.Percent}% ({completeness.Answered} of {completeness.Total} checklist questions)"),
        };
        if (plan.BaselineTitle is not null)
        {
            expected.Add(new(null, $"Started from the plan for {plan.BaselineTitle}"));
        }

        foreach (var section in SectionInfo.All)
        {
            expected.Add(new(PlanWordDocument.SectionStyle, $"{section.Number}. {section.Title}"));
            expected.Add(new(null, section.Holds));
            foreach (var question in PlanChecklist.In(section.Section))
            {
                expected.Add(new(PlanWordDocument.QuestionStyle, question.Text));
                var answer = plan.AnswerTo(question.Id);
                expected.Add(new(null, answer is null ? "Not answered." : PlanWordDocument.Clean(answer.Value.Text)));
                if (answer is not null)
                {
                    expected.Add(new(PlanWordDocument.ProvenanceStyle, PlanRecordText.Provenance(plan, answer)));
                }
            }
        }

        expected.Add(new(PlanWordDocument.SectionStyle, "Approval record"));
        expected.Add(new(null, PlanRecordText.Approvers(plan)));
        expected.AddRange(plan.Decisions.Count == 0 ? [new(null, "No decisions yet.")] : plan.Decisions.Select(d => new WordParagraph(null, PlanRecordText.Decision(d))));
        expected.Add(new(PlanWordDocument.QuestionStyle, "History"));
        expected.AddRange(plan.History.Select(e => new WordParagraph(null, PlanRecordText.Event(e))));
        return expected;
    }

    /// <summary>Each paragraph's style and text, a line break read as a new line.</summary>
    private static List<WordParagraph> Read(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => new WordParagraph(
                p.ParagraphProperties?.ParagraphStyleId?.Val?.Value,
                string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => string.Empty }))))
            .ToList();

    private sealed record WordParagraph(string? Style, string Text);
}
