using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Engine.Commands;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Checks;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Rendering;

/// <summary>Every kind of view, rendered, against Slack's own Block Kit types and the limits.</summary>
public sealed class BlockKitCheckTests
{
    [Fact]
    public async Task Every_view_renders_to_blocks_Slack_accepts()
    {
        var plan = SamplePlans.CompleteInSlack();
        var longPlan = SamplePlans.CompleteInSlack(q => new string('x', 2999));
        var reviewed = SamplePlans.InReviewInSlack().Decide(SlackUsers.Approver, Verdict.Reject, "The rollback is untested", SamplePlans.Now);
        var views = new List<(string Name, View View)>
        {
            ("question-first", Interview.Ask(plan, PlanChecklist.Questions[0], note: "Started the deployment plan for Contoso.Web 2.4.")),
            ("question-problem", Interview.Ask(plan, PlanChecklist.Get("available-by"), problem: "I could not read \"soon\" as a date.")),
            ("question-long-current", Interview.Ask(longPlan, PlanChecklist.Get("risks"))),
            ("summary-status", PlanSummaries.Build(plan, full: false)),
            ("summary-full", PlanSummaries.Build(longPlan, full: true)),
            ("help", HelpText.View(HelpText.Welcome)),
            ("notice", new NoticeView("Saved.", Tone.Success, [SlackUsers.Approver])),
            ("approval-new", ApprovalViews.Build(SamplePlans.InReviewInSlack(), forApprover: false)),
            ("export-inline", new ExportView("Contoso.Web 2.4", PlanMarkdown.Render(longPlan)[..8000] + "\n```<!channel>", new Uri("https://planbot.contoso.com/export/plan-1?sig=a&b=c"), TimeSpan.FromMinutes(15))),
            ("export-link-only", new ExportView("Contoso.Web 2.4", null, new Uri("https://planbot.contoso.com/export/plan-1?sig=a"), TimeSpan.FromMinutes(15))),
            ("approval-decided", ApprovalViews.Build(reviewed, forApprover: true, "Megan Bowen rejected revision 23.")),
            ("section-form", SectionFormRenderingTests.Form(Section.TimingAndDependencies) with { Note = "Started the deployment plan for Contoso.Web 2.5." }),
            ("section-carried", SectionFormRenderingTests.EveryKind() with { CanKeepUnflagged = true, Fields = [.. SectionFormRenderingTests.EveryKind().Fields.Select(f => f with { CarriedOver = true, Flags = ["names Contoso.Web 2.4"] })] }),
            ("section-problems", SectionFormRenderingTests.EveryKind() with { Problem = "2 answers need another look; nothing was saved yet.", Fields = [.. SectionFormRenderingTests.EveryKind().Fields.Select(f => f with { Problem = "I could not read that." })] }),
            ("section-read-back", SectionFormRenderingTests.EveryKind() with { ReadBack = true, Note = "Saved section 2, Timing and dependencies." }),
            ("summary-submit", PlanSummaries.Build(plan, full: false) with { CanSubmit = true }),
            ("summary-sections", PlanSummaries.Build(SamplePlans.Empty(), full: false) with { OffersSections = true }),
        };
        var payloads = views.Select(v => (v.Name, BlockKitSurface.Message, SlackViewRenderer.MessageJson(SlackViewRenderer.Render(v.View)))).ToList();
        payloads.Add(("reject-modal", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(RejectModal.Build("plan-1", "23", "C0RELEASE:1.2", "releases"))));
        payloads.Add(("answer-modal", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(AnswerModal.Build("plan-1", "features", "D0OWNER", "directmessage"))));

        payloads.Add(("section-modal", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(SectionModal.Build(SectionFormRenderingTests.EveryKind(), new SectionModalTarget(12, "D0OWNER", "directmessage", "1700000000.000200")))));
        payloads.Add(("section-modal-open", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(SectionModal.Build(SectionFormRenderingTests.Form(Section.Approvers), new SectionModalTarget(1, "C0RELEASE:1.2", "releases", null)))));
        payloads.Add(("section-modal-opening", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(SectionModal.Opening(3))));
        payloads.Add(("section-modal-notice", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(SectionModal.Notice(3, new NoticeView("That form is from before the plan was submitted. Nothing was saved.", Tone.Problem)))));
        payloads.Add(("every-element", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(EveryElement())));
        var mine = PlanBot.Conversations.Engine.MyPlans.Of([SamplePlans.InReviewWaitingForAlex(), SamplePlans.WithCarriedOver(), SamplePlans.MaxSize()], PlanBot.Testing.People.Alex);
        payloads.Add(("home", BlockKitSurface.Home, SlackViewRenderer.HomeJson(PlanBot.Slack.Home.SlackHomeViews.Home(mine))));
        payloads.Add(("home-empty", BlockKitSurface.Home, SlackViewRenderer.HomeJson(PlanBot.Slack.Home.SlackHomeViews.Home(PlanBot.Conversations.Engine.MyPlans.Of([], PlanBot.Testing.People.Alex)))));
        payloads.Add(("home-plan", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(PlanBot.Slack.Home.SlackHomeViews.Plan(SamplePlans.InReviewWaitingForAlex()))));
        payloads.Add(("home-plan-longest", BlockKitSurface.Modal, SlackViewRenderer.ModalJson(PlanBot.Slack.Home.SlackHomeViews.Plan(SamplePlans.MaxSize()))));

        foreach (var (name, surface, json) in payloads)
        {
            Assert.True(BlockKitLimits.Violations(json, surface) is { Count: 0 }, $"{name}: {string.Join("; ", BlockKitLimits.Violations(json, surface))}");
        }

        var report = await NodeChecks.CheckBlockKitAsync(payloads);
        Assert.True(report.Passed, report.Describe());
        Assert.Equal(payloads.Select(p => p.Item1), report.Results.Select(r => r.Name));
    }

    /// <summary>Every block and element of the model in one modal, so each one's JSON shape meets Slack's types.</summary>
    private static ModalView EveryElement()
    {
        var option = new SelectOption(new PlainText("Any one approver"), "any");
        return new ModalView(new PlainText("Every element"),
        [
            new HeaderBlock(new PlainText("Header")) { BlockId = "header" },
            new SectionBlock(new Mrkdwn("*Section*"), [new Mrkdwn("*Field*\nvalue"), new PlainText("Plain field") { Emoji = true }])
            {
                Accessory = new ButtonElement("accessory", new PlainText("Open")) { Url = "https://planbot.contoso.com/", Value = "v" },
            },
            new ContextBlock([new Mrkdwn("context"), new PlainText("plain")]),
            new DividerBlock(),
            new ActionsBlock(
            [
                new ButtonElement("approve", new PlainText("Approve"))
                {
                    Style = ButtonStyle.Primary,
                    Value = "{}",
                    Confirm = new ConfirmDialog(new PlainText("Sure?"), new Mrkdwn("Really *approve*?"), new PlainText("Yes"), new PlainText("No")),
                },
                new StaticSelectElement("quorum", [option, new SelectOption(new PlainText("Every approver"), "all")]) { InitialOption = option, Placeholder = new PlainText("Quorum") },
                new DatePickerElement("date") { InitialDate = "2027-03-15", Placeholder = new PlainText("A date") },
            ]),
            new InputBlock(new PlainText("Reason"), new PlainTextInputElement("reason") { Multiline = true, MinLength = 1, MaxLength = 2000, InitialValue = "x", Placeholder = new PlainText("Why?") })
            {
                Hint = new PlainText("A hint"),
                Optional = false,
            },
            new InputBlock(new PlainText("When"), new DatePickerElement("when")),
            new InputBlock(new PlainText("At"), new TimePickerElement("at") { InitialTime = "22:00", Placeholder = new PlainText("A time") }) { Optional = true },
            new InputBlock(new PlainText("Who"), new MultiUsersSelectElement("who") { InitialUsers = ["U0APPROVER"], MaxSelectedItems = 10, Placeholder = new PlainText("People") }) { Optional = true },
            new InputBlock(new PlainText("Quorum"), new StaticSelectElement("quorum-input", [option]) { InitialOption = option }) { Optional = true },
        ])
        {
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
            CallbackId = "every",
            PrivateMetadata = "{}",
            ClearOnClose = true,
            NotifyOnClose = false,
        };
    }
}
