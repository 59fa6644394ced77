using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// <c>export</c>: the plan as the Deployment Plan artifact, in its section order, with who answered
/// what, carried-over markers and the approval record, plus a link; read back section by section
/// and compared with the stored plan.
/// </summary>
public sealed class ExportScriptTests
{
    private const string Rollout = "checkout-api to web nodes 1-4\nthen web-frontend to the CDN\n\nthen flip the traffic manager";

    private readonly BotWorld world = new();

    [Fact]
    public async Task Export_of_an_approved_plan_matches_the_stored_plan_with_who_answered_and_the_approvals()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4", new Dictionary<string, string> { ["rollout-order"] = Rollout });
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");
        await alex.Send("edit 3");
        await alex.Send("Payment provider freeze over the weekend");
        await dana.Send("quorum all");
        await dana.Send("submit");
        await alex.Send("approve");
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");
        await megan.Send("approve");
        var plan = world.PlanOf("Contoso.Web", "2.4");
        Assert.Equal(PlanState.Approved, plan.State);

        await dana.Send("export");

        var reply = Assert.Single(dana.Replies);
        Assert.Equal("export Contoso.Web 2.4", reply.Heading);
        var (link, markdown) = ExportedPlan.FromReply(reply.Text);
        Assert.Equal(world.ExportLinks.Create(BotWorld.Tenant, plan.Id), link);
        Assert.Contains($"link lifetime: {PlanEngine.ExportLinkLifetime.TotalMinutes} minutes", reply.Text, StringComparison.Ordinal);
        var exported = ExportedPlan.Parse(Assert.IsType<string>(markdown));
        AssertMatches(plan, exported);
        Assert.Contains($"State: approved, revision {plan.Revision}", exported.Facts);
        Assert.Contains($"Complete: 100% ({PlanChecklist.Count} of {PlanChecklist.Count} checklist questions)", exported.Facts);

        // Who answered what: Alex's risks, Dana's everything else; a multi-line answer survives whole.
        var risks = exported.Sections[2].Items.Single();
        Assert.Equal("Alex Wilber", risks.AnsweredBy);
        // A multi-line answer (here the run sheet, one line per step) comes out as stored, line for line.
        var rollout = world.PlanOf("Contoso.Web", "2.4").AnswerTo("rollout-order")!.Value.Text;
        Assert.Equal(3, rollout.Split('\n').Length);
        Assert.Equal(rollout, exported.Sections[1].Items.Single(i => i.Question == PlanChecklist.Get("rollout-order").Text).Answer);

        var record = exported.Sections[^1];
        Assert.Equal("Approval record", record.Heading);
        Assert.Equal("Approvers: Megan Bowen, Alex Wilber; quorum: all.", record.Lines[0]);
        var decisions = record.Lines.Skip(1).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.EndsWith($"Alex Wilber approved revision {plan.Revision}", decisions[0], StringComparison.Ordinal);
        Assert.EndsWith($"Megan Bowen approved revision {plan.Revision}", decisions[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_a_plan_from_a_baseline_marks_carried_answers_and_open_questions()
    {
        await world.CompletePlan("Contoso.Web", "2.4", new Dictionary<string, string> { ["rollout-order"] = Rollout });
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.5");
        await dana.Send("baseline");
        await dana.Send("Saved carts on every device");
        await dana.Send("Carts follow the customer");
        await dana.Send("keep");
        var plan = world.PlanOf("Contoso.Web", "2.5");

        await dana.Send("export");

        var (_, markdown) = ExportedPlan.FromReply(Assert.Single(dana.Replies).Text);
        var exported = ExportedPlan.Parse(Assert.IsType<string>(markdown));
        AssertMatches(plan, exported);
        Assert.Contains("Started from the plan for Contoso.Web 2.4", exported.Facts);
        var items = exported.Sections.SelectMany(s => s.Items).ToList();
        Assert.False(items.Single(i => i.Question == PlanChecklist.Get("components").Text).CarriedOver);
        Assert.True(items.Single(i => i.Question == PlanChecklist.Get("why").Text).CarriedOver);
        Assert.Null(items.Single(i => i.Question == PlanChecklist.Get("available-by").Text).Answer);
        Assert.Equal(plan.Completeness().Unconfirmed.Count, items.Count(i => i.CarriedOver));
        Assert.Equal(new[] { "Approvers: Megan Bowen, Alex Wilber; quorum: any one.", "No decisions yet." }, exported.Sections[^1].Lines);
    }

    [Fact]
    public async Task Plan_too_long_for_a_message_is_exported_by_link_only_and_the_interview_stays_put()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        foreach (var letter in "abcd")
        {
            await dana.Send(new string(letter, 3000));
        }

        dana.ExpectQuestion("available-by");

        await dana.Send("export");

        var (link, markdown) = ExportedPlan.FromReply(Assert.Single(dana.Replies).Text);
        Assert.Null(markdown);
        Assert.Equal(world.ExportLinks.Create(BotWorld.Tenant, world.PlanOf("Contoso.Web", "2.4").Id), link);
        Assert.True(PlanMarkdown.Render(world.PlanOf("Contoso.Web", "2.4")).Length > PlanEngine.InlineExportLimit);
        // The next message still answers the question that was open before the export.
        await dana.Send(SampleAnswers.Iso(SampleAnswers.DaysAhead(world.Now, 30)));
        dana.ExpectQuestion("deployed-by");
    }

    [Fact]
    public async Task Export_docx_gives_a_link_to_the_word_document_and_the_interview_goes_on()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Dark mode, saved carts");

        await dana.Send("export docx");

        var reply = Assert.Single(dana.Replies);
        Assert.Contains("format: docx", reply.Text, StringComparison.Ordinal);
        Assert.Contains("markdown: by link only", reply.Text, StringComparison.Ordinal);
        var plan = world.PlanOf("Contoso.Web", "2.4");
        Assert.Contains($"link: {world.ExportLinks.Create(BotWorld.Tenant, plan.Id, PlanBot.Conversations.Ports.ExportFormat.Word)}", reply.Text, StringComparison.Ordinal);

        await dana.Send("export pdf");
        Assert.DoesNotContain(dana.Replies, r => r.Heading.StartsWith("export", StringComparison.Ordinal));
    }

    /// <summary>
    /// The document holds the artifact's eight sections in order, then the approval record; each
    /// section lists its checklist questions in order, each with the stored answer, who gave it,
    /// when, and whether it is still carried over, or "not answered" when the plan has none.
    /// </summary>
    private static void AssertMatches(Plan plan, ExportedPlan exported)
    {
        Assert.Equal(plan.Title, exported.Title);
        Assert.Contains($"Owner (deployment engineer): {plan.Owner}", exported.Facts);
        Assert.Equal(
            SectionInfo.All.Select(s => $"{s.Number}. {s.Title}").Append("Approval record"),
            exported.Sections.Select(s => s.Heading));
        foreach (var (info, section) in SectionInfo.All.Zip(exported.Sections))
        {
            Assert.Equal(info.Holds, section.Holds);
            var questions = PlanChecklist.In(info.Section).ToList();
            Assert.Equal(questions.Select(q => q.Text), section.Items.Select(i => i.Question));
            foreach (var (question, item) in questions.Zip(section.Items))
            {
                var answer = plan.AnswerTo(question.Id);
                if (answer is null)
                {
                    Assert.True(item.Answer is null, $"{question.Id} has no answer but the export shows \"{item.Answer}\".");
                    continue;
                }

                Assert.Equal(answer.Value.Text, item.Answer);
                Assert.Equal(answer.Provenance.AnsweredBy.ToString(), item.AnsweredBy);
                var at = answer.Provenance.At.ToUniversalTime();
                Assert.Equal(new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero), item.At);
                Assert.Equal(answer.IsUnconfirmed, item.CarriedOver);
            }
        }
    }
}
