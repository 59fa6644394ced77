using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Testing.Tab;

/// <summary>Plans written straight into the host's store for the tab to show.</summary>
public static class TabPlans
{
    public const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quoted\"";

    public static string Tenant(string tid) => $"msteams:{tid}";

    /// <summary>Contoso.Web 2.4 of <paramref name="tid"/>: in review, Alex's decision awaited, risks answered with markup, one answer carried over.</summary>
    public static Plan InReview(string tid)
    {
        var plan = SamplePlans.InReviewWaitingForAlex() with { TenantId = Tenant(tid), BaselinePlanId = "plan-contoso-web-2.3", BaselineTitle = "Contoso.Web 2.3" };
        var answers = new Dictionary<string, Answer>(plan.Answers)
        {
            ["why"] = new("why", new AnswerValue { Text = Hostile }, new Provenance(People.Megan, SamplePlans.Now, "msteams")),
        };
        answers["support"] = answers["support"] with { Provenance = answers["support"].Provenance with { CarriedOver = true, CarriedFromPlanId = "plan-contoso-web-2.3" } };
        return plan with { Answers = answers };
    }

    /// <summary>Contoso.Web 2.3 of <paramref name="tid"/>, the plan <see cref="InReview"/> started from: its "why" said something else.</summary>
    public static Plan Baseline(string tid)
    {
        var plan = SamplePlans.InReviewWaitingForAlex() with { Id = "plan-contoso-web-2.3", TenantId = Tenant(tid), Version = "2.3" };
        var answers = new Dictionary<string, Answer>(plan.Answers)
        {
            ["why"] = new("why", new AnswerValue { Text = "To resolve an issue: invoice rounding (INC-1999)" }, new Provenance(People.Megan, SamplePlans.Now, "msteams")),
        };
        return plan with { Answers = answers };
    }

    /// <summary>A draft of <paramref name="product"/> <paramref name="version"/> owned by Megan, its section 3 assigned to Alex.</summary>
    public static Plan AssignedDraft(string tid, string product, string version, DateTimeOffset created) =>
        Plan.Start($"plan-{product}-{version}".ToLowerInvariant(), Tenant(tid), product, version, People.Megan, created)
            .Assign(Section.RisksAndIssues, People.Alex, People.Megan, created);

    /// <summary>Writes new plans in one commit.</summary>
    public static Task StoreAsync(IConversationStore store, params Plan[] plans)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.CommitAsync(new TurnCommit(null, plans.Select(p => new Versioned<PlanDocument>(new PlanDocument { Plan = p }, null)).ToList()), CancellationToken.None);
    }
}
