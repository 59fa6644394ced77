using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Storage.Contract;

/// <summary>
/// Documents for store tests. Every tenant, conversation and plan id is new, so tests can share one
/// store (one database, one container) without seeing each other's data.
/// </summary>
public static class StoreSamples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 15, 0, TimeSpan.FromHours(1));

    public static readonly PersonRef Owner = new("29:owner", "Olga Owner", "6f1c0de2-0000-4000-8000-000000000001", "olga@contoso.example");

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string NewTenant() => NewId("msteams:tenant");

    public static ConversationRef NewConversation(string tenantId) =>
        new("msteams", tenantId, NewId("a:conversation"), ConversationKind.Personal);

    public static PlanDocument NewPlan(string tenantId, string? product = null, string version = "1.0.0", DateTimeOffset? createdAt = null) =>
        new() { Plan = Plan.Start(NewId("plan"), tenantId, product ?? NewId("product"), version, Owner, createdAt ?? Now) };

    public static ConversationDocument NewPointer(ConversationRef conversation, string? activePlanId = null) =>
        new() { Key = conversation.Key, TenantId = conversation.TenantId, Reference = conversation, ActivePlanId = activePlanId };

    /// <summary>A free-text answer; <paramref name="questionId"/> must be a checklist question other than the approvers.</summary>
    public static Answer Answer(string questionId, string text) =>
        new(questionId, new AnswerValue { Text = text }, new Provenance(Owner, Now, "msteams"));

    /// <summary>The plan with one more free-text answer, as an answering turn would leave it.</summary>
    public static PlanDocument Answered(this PlanDocument document, string questionId, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Plan = document.Plan.WithAnswer(Answer(questionId, text), Now);
        return document;
    }

    /// <summary>A plan that uses every field a stored plan has, with two conversations working on it.</summary>
    public static PlanDocument FullPlan(string tenantId, ConversationRef conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var approver = new PersonRef("29:approver", "Arun Approver", "6f1c0de2-0000-4000-8000-000000000002", "arun@contoso.example");
        var unresolved = new PersonRef(string.Empty, string.Empty, null, "new.hire@contoso.example");
        var zone = "Europe/Berlin";
        var plan = Plan.Start(NewId("plan"), tenantId, "Payments", "2.4.0-rc1", Owner, Now)
            .WithAnswer(new Answer("features", new AnswerValue { Text = "Instant refunds\nSaved cards" }, new Provenance(Owner, Now, "msteams")), Now)
            .WithAnswer(
                new Answer(
                    "available-by",
                    new AnswerValue { Text = "Friday 14 March", DateUtc = new DateTimeOffset(2025, 3, 13, 23, 0, 0, TimeSpan.Zero), TimeZone = zone },
                    new Provenance(Owner, Now.AddMinutes(1), "msteams")),
                Now.AddMinutes(1))
            .WithAnswer(
                new Answer(
                    "deployment-window",
                    new AnswerValue
                    {
                        Text = "14 March 22:00 to 15 March 02:00",
                        WindowStartUtc = new DateTimeOffset(2025, 3, 14, 21, 0, 0, TimeSpan.Zero),
                        WindowEndUtc = new DateTimeOffset(2025, 3, 15, 1, 0, 0, TimeSpan.Zero),
                        TimeZone = zone,
                    },
                    new Provenance(Owner, Now.AddMinutes(2), "slack")),
                Now.AddMinutes(2))
            .WithAnswer(
                new Answer("training", new AnswerValue { Text = "Yes: a short video", Yes = true, Detail = "a short video" }, new Provenance(Owner, Now.AddMinutes(3), "msteams")),
                Now.AddMinutes(3))
            .WithAnswer(
                new Answer(
                    "components",
                    new AnswerValue { Text = "api 2.4.0, worker 1.9.2" },
                    new Provenance(Owner, Now.AddDays(-30), "msteams", CarriedOver: true, CarriedFromPlanId: "plan-baseline")),
                Now.AddMinutes(4))
            .WithAnswer(
                new Answer(Plan.ApproversQuestion, new AnswerValue { Text = "Arun Approver, new.hire@contoso.example", People = [approver, unresolved] }, new Provenance(Owner, Now.AddMinutes(5), "msteams")),
                Now.AddMinutes(5));
        plan = plan with
        {
            State = PlanState.InReview,
            Quorum = Quorum.All,
            BaselinePlanId = "plan-baseline",
            Decisions =
            [
                new Decision(approver, Verdict.Reject, Now.AddMinutes(6), 5, "Rollback steps missing", Stale: true),
                new Decision(approver, Verdict.Approve, Now.AddMinutes(7), plan.Revision, null),
            ],
        };

        var slack = new ConversationRef("slack", tenantId, NewId("C"), ConversationKind.Channel, null, "T0001", "B0001");
        return new PlanDocument
        {
            Plan = plan,
            Sessions =
            {
                [conversation.Key] = new ConversationSession
                {
                    Attached = true,
                    Cursor = "risks",
                    EditingSection = 3,
                    Skipped = ["why"],
                    Consumed = [new ConsumedActivity("activity-1", Now), new ConsumedActivity("activity-2", Now.AddSeconds(30))],
                    Outbox =
                    [
                        new OwedReply(
                            "reply-1",
                            new RenderedReply("What risks does this release carry?", "application/vnd.microsoft.card.adaptive", """{"type":"AdaptiveCard","version":"1.5"}""", "Question 9 of 23"),
                            Now.AddSeconds(31),
                            "host-a",
                            "activity-2"),
                    ],
                    TimeZone = zone,
                    Reference = conversation,
                },
                [slack.Key] = new ConversationSession
                {
                    Attached = false,
                    Consumed = [new ConsumedActivity("Ev0001", Now)],
                    Outbox = [new OwedReply("reply-2", new RenderedReply("Saved."), Now, "host-b", null)],
                    Reference = slack,
                },
            },
        };
    }

    /// <summary>A pointer that uses every field a stored pointer has.</summary>
    public static ConversationDocument FullPointer(ConversationRef conversation, string activePlanId) =>
        new()
        {
            Key = conversation.Key,
            TenantId = conversation.TenantId,
            Reference = conversation,
            ActivePlanId = activePlanId,
            Session = new ConversationSession
            {
                Attached = true,
                Consumed = [new ConsumedActivity("activity-0", Now.AddMinutes(-1))],
                Outbox = [new OwedReply("reply-0", new RenderedReply("Type `help` to see what I can do."), Now.AddMinutes(-1), "host-a", "activity-0")],
                TimeZone = "America/New_York",
            },
        };
}
