using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Engine.Commands;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Testing;

namespace PlanBot.Cards.Tests.Support;

/// <summary>Views as the engine makes them, from the sample plans, one for each shape a card takes.</summary>
internal static class SampleViews
{
    /// <summary>Every sample view, by a name that says what it is.</summary>
    public static IReadOnlyList<(string Name, View View)> All { get; } = Build();

    public static View Named(string name) => All.Single(v => v.Name == name).View;

    /// <summary>The approval request as the engine builds it.</summary>
    public static ApprovalView Approval(Plan plan, bool forApprover, string? notice = null) => ApprovalViews.Build(plan, forApprover, notice);

    private static List<(string, View)> Build()
    {
        var views = new List<(string, View)>();
        var draft = SamplePlans.WithCarriedOver();
        foreach (var question in PlanChecklist.Questions)
        {
            views.Add(($"question-{question.Id}", Interview.Ask(draft, question)));
        }

        var hostile = draft.WithAnswer(SamplePlans.Read(PlanChecklist.Get("features"), Hostile.Answer), SamplePlans.Now);
        views.Add(("question-refused-hostile", Interview.Ask(
            hostile,
            PlanChecklist.Get("features"),
            problem: $"I could not read \"{Hostile.Answer}\" as a date. Give {DateReader.ExpectedDate}.",
            note: "Saved. Next question:")));
        views.Add(("question-max-current-answer", Interview.Ask(
            SamplePlans.MaxSize(filler: "&"),
            PlanChecklist.Get("why"))));

        var partial = PlanSummaries.Build(draft, full: false);
        views.Add(("summary-status", partial));
        views.Add(("summary-full", PlanSummaries.Build(draft, full: true)));
        views.Add(("summary-baseline", partial with
        {
            Full = true,
            Warnings = ["The deployment window ends on Thu 11 Mar 2027, less than a week before the features must be available (Mon 15 Mar 2027)."],
            BaselineTitle = "Contoso.Web 2.3",
            ChangesFromBaseline = ["Components: contoso-api 2.3.2 → 2.4.1", "Risks: changed", "Approvers: Megan Bowen added"],
        }));
        views.Add(("summary-assigned", PlanSummaries.Build(AssignedDeliveryTeam(), full: false)));
        views.Add(("summary-empty", PlanSummaries.Build(SamplePlans.Empty(), full: true)));
        views.Add(("summary-max", PlanSummaries.Build(SamplePlans.MaxSize(), full: true)));
        views.Add(("summary-max-hostile", PlanSummaries.Build(SamplePlans.MaxSize(filler: "<at>Boss</at> & [x](y) **z** "), full: true)));

        var review = SamplePlans.InReviewWaitingForAlex();
        views.Add(("approval-read-only", Approval(review, forApprover: false)));
        views.Add(("approval-for-approver", Approval(review, forApprover: true, notice: "Megan Bowen approved revision 25.")));
        views.Add(("approval-max", Approval(SamplePlans.MaxSize().Submit(People.Owner, SamplePlans.Now), forApprover: true)));

        views.Add(("notice-info", new NoticeView("No plans in this tenant yet. Start one with `plan <product> <version>`.")));
        views.Add(("notice-problem", new NoticeView($"I could not read \"{Hostile.Answer}\" as a date.", Tone.Problem)));
        views.Add(("notice-success-mentions", new NoticeView(
            "The plan for Contoso.Web 2.4 is ready for approval.",
            Tone.Success,
            [People.Alex, People.Megan, People.LeeByEmail, new PersonRef("29:1-odd", "Odd <at>Name</at> & **Co**")])));
        views.Add(("notice-warning", new NoticeView("The deployment window starts in less than 24 hours.", Tone.Warning)));
        views.Add(("help", HelpText.View(HelpText.Welcome)));
        return views;
    }

    /// <summary>A plan whose delivery-team section was handed to Megan and is still open.</summary>
    public static Plan AssignedDeliveryTeam() =>
        SamplePlans.Answered()
            .WithoutAnswer("delivery-contacts", People.Owner, SamplePlans.Now)
            .Assign(Section.DeliveryTeam, People.Megan, People.Owner, SamplePlans.Now);
}
