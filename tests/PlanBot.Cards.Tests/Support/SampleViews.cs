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
        views.AddRange(SectionForms());
        return views;
    }

    /// <summary>
    /// Section forms: every section empty and filled in; one with a problem beside each input and
    /// the entered values kept; one carried over with flags; a read-back; one whose answers are too
    /// long to edit in the card.
    /// </summary>
    private static IEnumerable<(string, View)> SectionForms()
    {
        foreach (var info in SectionInfo.All)
        {
            yield return ($"section-empty-{info.Number}", Form(SamplePlans.Empty(), info.Section));
            yield return ($"section-filled-{info.Number}", Form(SamplePlans.Answered(), info.Section));
        }

        var entered = new Dictionary<string, string>
        {
            ["available-by"] = "2026-03-15",
            ["deployed-by"] = "31/02/2027",
            ["deployment-window"] = "2027-03-10 22:00 to 2027-03-10 21:00",
            ["rollout-order"] = Hostile.Answer,
        };
        var problems = new Dictionary<string, string>
        {
            ["available-by"] = "Sun 15 Mar 2026 is already past (today is Mon 1 Feb 2027 in UTC). Give a date from today on.",
            ["deployed-by"] = $"I could not read \"31/02/2027\" as a date. Give {DateReader.ExpectedDate}.",
            ["deployment-window"] = "The window ends before it starts.",
            ["rollout-order"] = $"\"{Hostile.Answer}\" is not an order of components.",
        };
        yield return ("section-problems", Form(SamplePlans.Answered(4), Section.TimingAndDependencies, entered: entered, problems: problems) with
        {
            Problem = "4 answers need another look; nothing was saved yet.",
        });
        yield return ("section-carried-flagged", Form(
            SamplePlans.WithCarriedOver(),
            Section.ImpactedOrganisation,
            flags: new Dictionary<string, IReadOnlyList<string>> { ["end-users"] = ["mentions 2.3, the previous release", "names Lee Gu, who is no longer in the release channel's team"] }) with
        {
            Note = "Started Contoso.Web 2.4 from the plan for Contoso.Web 2.3: 4 answer(s) carried over, to keep, change or remove, a section at a time.",
            CanKeepUnflagged = true,
        });
        yield return ("section-last-to-submit", Form(SamplePlans.Answered(PlanChecklist.Count - 2), Section.Backout) with { CanSaveAndSubmit = true });
        yield return ("section-read-back", Form(SamplePlans.Answered(), Section.TimingAndDependencies, note: "Saved section 2, Timing and dependencies.") with { ReadBack = true });
        yield return ("section-max", Form(SamplePlans.MaxSize(), Section.TransitionApproach));
        yield return ("section-max-hostile", Form(SamplePlans.MaxSize(filler: "<at>Boss</at> & [x](y) **z** "), Section.ScopeAndOverview));
    }

    /// <summary>A section's form as the engine builds it: each input shows what was <paramref name="entered"/>, else the stored answer as typed.</summary>
    public static SectionFormView Form(
        Plan plan,
        Section section,
        string? note = null,
        IReadOnlyDictionary<string, string>? entered = null,
        IReadOnlyDictionary<string, string>? problems = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? flags = null)
    {
        var fields = PlanChecklist.In(section).Select(q =>
        {
            var answer = plan.AnswerTo(q.Id);
            return new FormField(
                q.Id,
                q.Text,
                q.Kind,
                q.Hint,
                entered?.GetValueOrDefault(q.Id) ?? (answer is null ? null : TypedAnswers.Of(answer.Value, TimeZoneInfo.Utc)),
                answer?.Value.People,
                answer?.Value.Text,
                answer?.IsUnconfirmed ?? false,
                flags?.GetValueOrDefault(q.Id) ?? [],
                problems?.GetValueOrDefault(q.Id),
                q.Choices);
        }).ToList();
        var info = SectionInfo.Of(section);
        return new SectionFormView(plan.Id, plan.Title, info.Number, info.Title, SectionInfo.All.Count, fields, "UTC", ReadBack: false, plan.Completeness().Percent, plan.Revision, note);
    }

    /// <summary>A plan whose delivery-team section was handed to Megan and is still open.</summary>
    public static Plan AssignedDeliveryTeam() =>
        SamplePlans.Answered()
            .WithoutAnswer("delivery-contacts", People.Owner, SamplePlans.Now)
            .Assign(Section.DeliveryTeam, People.Megan, People.Owner, SamplePlans.Now);
}
