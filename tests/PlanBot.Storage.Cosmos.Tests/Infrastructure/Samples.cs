using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Storage.Cosmos.Tests.Infrastructure;

/// <summary>Fresh tenants, conversations and plans for one test; nothing is shared between tests.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 15, 0, TimeSpan.FromHours(1));

    public static readonly PersonRef Owner = new("29:owner", "Olga Owner", "6f1c0de2-0000-4000-8000-000000000001", "olga@contoso.example");

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static string NewTenant() => NewId("msteams:tenant");

    /// <summary>A Teams channel thread: the key holds <c>:</c>, <c>@</c> and <c>;</c>.</summary>
    public static ConversationRef NewConversation(string tenantId) =>
        new("msteams", tenantId, $"19:{Guid.NewGuid():N}@thread.tacv2;messageid=1710000000000", ConversationKind.Channel, "https://smba.example/emea/");

    public static PlanDocument NewPlan(string tenantId, string? product = null, string version = "1.0.0") =>
        new() { Plan = Plan.Start(Guid.NewGuid().ToString("N"), tenantId, product ?? NewId("product"), version, Owner, Now) };

    public static ConversationDocument NewPointer(ConversationRef conversation, string? activePlanId = null) =>
        new() { Key = conversation.Key, TenantId = conversation.TenantId, Reference = conversation, ActivePlanId = activePlanId };

    /// <summary>The plan with this conversation attached, as a turn that starts it leaves it.</summary>
    public static PlanDocument Attached(this PlanDocument document, ConversationRef conversation, string? cursor = "features")
    {
        document.Sessions[conversation.Key] = new ConversationSession { Attached = true, Cursor = cursor, Reference = conversation };
        return document;
    }

    public static PlanDocument Answered(this PlanDocument document, string questionId, string text)
    {
        document.Plan = document.Plan.WithAnswer(new Answer(questionId, new AnswerValue { Text = text }, new Provenance(Owner, Now, "msteams")), Now);
        return document;
    }

    public static TurnCommit Create(ConversationDocument? conversation, params PlanDocument[] plans) =>
        new(conversation is null ? null : new Versioned<ConversationDocument>(conversation, null), plans.Select(p => new Versioned<PlanDocument>(p, null)).ToList());
}
