namespace PlanBot.Domain.Checklist;

/// <summary>
/// The Deployment Plan checklist as data, in interview order (artifact section by section).
/// The who / what / when / where / why questions and their follow-ups come from the OpenUP
/// checklist; sections 3, 5 and 6 have no check item of their own, so their questions come from
/// what the artifact requires there. Section 9, the backout plan, asks what the deployment engineer
/// must know before a failed deployment: the trigger, the steps, who decides, whether the previous
/// version runs on the new data, and how long it takes.
/// </summary>
public static class PlanChecklist
{
    public static IReadOnlyList<Question> Questions { get; } =
    [
        // 1 Scope and overview
        new("features", "What features must be deployed?", [Section.ScopeAndOverview], AnswerKind.FreeText, CarryOverRule.Clear,
            Hint: "List the features in this release, one per line or separated by commas."),
        new("valuable-features", "Which features make the release valuable to users?", [Section.ScopeAndOverview], AnswerKind.FreeText, CarryOverRule.Clear,
            FollowUpOf: "features"),
        new("components", "Which components are in the release package?", [Section.ScopeAndOverview], AnswerKind.FreeText, CarryOverRule.Flag,
            FollowUpOf: "features", Hint: "Name each deployable component, with its version where it has one."),
        new("why", "Why is the release taking place? To resolve an issue, or to provide requested new functionality?", [Section.ScopeAndOverview], AnswerKind.FreeText, CarryOverRule.Flag,
            Choices: ["To resolve an issue", "To provide requested new functionality", "Both"]),

        // 2 Timing and dependencies
        new("available-by", "When must the features be available?", [Section.TimingAndDependencies], AnswerKind.Date, CarryOverRule.Clear),
        new("deployed-by", "When must deployment be completed and tested?", [Section.TimingAndDependencies], AnswerKind.Date, CarryOverRule.Clear,
            FollowUpOf: "available-by"),
        new("deployment-window", "In which time window will the deployment run?", [Section.TimingAndDependencies], AnswerKind.DateTimeWindow, CarryOverRule.Clear),
        new("rollout-order", "Which component goes to which node(s), in what order, and what does each depend on?", [Section.TimingAndDependencies], AnswerKind.RunSheet, CarryOverRule.Flag,
            Hint: "One line per component: <component> on <node>, <node> after <component>. It becomes the run sheet on deployment day."),

        // 3 Risks and issues
        new("risks", "What risks or issues does this release carry, from the risk assessment?", [Section.RisksAndIssues], AnswerKind.FreeText, CarryOverRule.Flag,
            Hint: "Say \"none known\" if the assessment found none."),

        // 4 Impacted organisation
        new("end-users", "Who are the end users of the released features?", [Section.ImpactedOrganisation], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed),
        new("training", "Do they need special training?", [Section.ImpactedOrganisation], AnswerKind.YesNoWithDetail, CarryOverRule.Flag,
            FollowUpOf: "end-users"),
        new("user-locations", "Where are the end users?", [Section.ImpactedOrganisation, Section.TimingAndDependencies], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed),
        new("user-infrastructure", "Are they distributed or in one place, and are their infrastructure configurations the same or different?", [Section.ImpactedOrganisation, Section.TimingAndDependencies], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed,
            FollowUpOf: "user-locations"),
        new("stakeholders", "Which customer organisation and stakeholders are affected?", [Section.ImpactedOrganisation], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed),

        // 5 Approvers
        new("approvers", "Who has the authority to declare the release \"ready for production\"?", [Section.Approvers], AnswerKind.People, CarryOverRule.KeepUnconfirmed),

        // 6 Delivery team
        new("delivery-team", "Which developers hand the release package to deployment?", [Section.DeliveryTeam], AnswerKind.People, CarryOverRule.KeepUnconfirmed),
        new("delivery-contacts", "How can the delivery team be reached during the deployment?", [Section.DeliveryTeam], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed,
            FollowUpOf: "delivery-team", Hint: "Phone numbers, an on-call rota, a chat channel."),

        // 7 Transition approach
        new("support", "Who will support the release once it is deployed?", [Section.TransitionApproach], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed),
        new("support-ready", "Do support staff have the information and training they need?", [Section.TransitionApproach], AnswerKind.YesNoWithDetail, CarryOverRule.Flag,
            FollowUpOf: "support"),
        new("handover", "How does the release package pass to the deployment engineer (communication protocol)?", [Section.TransitionApproach], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed),
        new("escalation", "What is the escalation procedure if the deployment runs into trouble?", [Section.TransitionApproach], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed,
            FollowUpOf: "handover"),

        // 8 Success criteria
        new("done", "When is the release \"done\"?", [Section.SuccessCriteria], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed),
        new("success-evidence", "How will the team know the release succeeded and the deployment is finished?", [Section.SuccessCriteria], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed,
            FollowUpOf: "done"),

        // 9 Backout plan
        new(BackoutTriggers, "What triggers a backout?", [Section.Backout], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed,
            Hint: "The signs that the release must come out again: failed checks, error rates, a deadline passed."),
        new(BackoutSteps, "What are the backout steps, in order?", [Section.Backout], AnswerKind.FreeText, CarryOverRule.KeepUnconfirmed,
            FollowUpOf: BackoutTriggers, Hint: "One step per line, as the deployment engineer will carry them out."),
        new(BackoutDecider, "Who decides to back out?", [Section.Backout], AnswerKind.People, CarryOverRule.KeepUnconfirmed),
        new("backout-compatibility", "Can the previous version run against the new data and schema?", [Section.Backout], AnswerKind.YesNoWithDetail, CarryOverRule.Flag,
            Hint: "Say what a backout does to data written since the deployment."),
        new("backout-duration", "How long does a backout take?", [Section.Backout], AnswerKind.FreeText, CarryOverRule.Flag,
            FollowUpOf: BackoutSteps),
    ];

    /// <summary>The backout plan's questions the deployment day refers to.</summary>
    public const string BackoutTriggers = "backout-triggers";

    public const string BackoutSteps = "backout-steps";

    public const string BackoutDecider = "backout-decider";

    private static readonly Dictionary<string, int> IndexById =
        Questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

    public static int Count => Questions.Count;

    public static Question? Find(string id) => IndexById.TryGetValue(id, out var i) ? Questions[i] : null;

    public static Question Get(string id) =>
        Find(id) ?? throw new ArgumentOutOfRangeException(nameof(id), id, "No such checklist question.");

    public static int IndexOf(string id) => IndexById.TryGetValue(id, out var i) ? i : -1;

    public static IEnumerable<Question> In(Section section) => Questions.Where(q => q.Section == section);
}
