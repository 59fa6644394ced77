using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Cards.Tests.Support;

/// <summary>Plans built through the domain, the way the interview builds them.</summary>
internal static class SamplePlans
{
    public static readonly DateTimeOffset Now = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A realistic reply to every question of the checklist.</summary>
    public static readonly IReadOnlyDictionary<string, string> Replies = new Dictionary<string, string>
    {
        ["features"] = "Single sign-on with Entra ID\nExport of invoices to CSV\nThe new billing dashboard",
        ["valuable-features"] = "Single sign-on: customers asked for it in the last two surveys.",
        ["components"] = "contoso-web 2.4.0, contoso-api 2.4.1, billing-worker 1.9.0 (database migration 0042)",
        ["why"] = "Requested new functionality for the spring release, plus a fix for invoice rounding (INC-2231).",
        ["available-by"] = "2027-03-15",
        ["deployed-by"] = "12 Mar 2027",
        ["deployment-window"] = "2027-03-10 22:00 to 2027-03-11 02:00",
        ["rollout-order"] = "1. Database migration on sql-prod-1\n2. contoso-api to api-prod-1..3, rolling\n3. contoso-web to the CDN and web-prod-1..2\n4. billing-worker last, once the API reports healthy",
        ["risks"] = "Migration 0042 locks the invoices table for about 4 minutes; the SSO cut-over logs everyone out once.",
        ["end-users"] = "Finance teams at our 40 enterprise customers, about 2,000 people.",
        ["training"] = "yes, a one-hour walkthrough of the billing dashboard for support leads",
        ["user-locations"] = "Europe and North America.",
        ["user-infrastructure"] = "Distributed; all use the web app in current browsers, so configurations are the same.",
        ["stakeholders"] = "Contoso Finance (product owner: Megan Bowen) and the customer success team.",
        ["approvers"] = "<at>Alex Wilber</at> <at>Megan Bowen</at>",
        ["delivery-team"] = "lee@contoso.com, alex@contoso.com",
        ["delivery-contacts"] = "On-call rota in PagerDuty (billing); the #billing-release channel; Lee: +1 555 0100.",
        ["support"] = "Tier 2 billing support, with the delivery team on call for the first 48 hours.",
        ["support-ready"] = "no, the runbook for the dashboard is still being written",
        ["handover"] = "Release package in the artifact feed, tagged release/2.4; handed over in the release call.",
        ["escalation"] = "Page the billing on-call engineer; after 30 minutes, the engineering manager decides on rollback.",
        ["done"] = "When all components are deployed, smoke tests pass, and no sev-2 incident is open after 24 hours.",
        ["success-evidence"] = "Green smoke-test run, dashboard error rate under 0.1 %, and the release note posted.",
    };

    public static Plan Empty() =>
        Plan.Start("plan-contoso-web-2.4", "msteams:tenant-1", "Contoso.Web", "2.4", People.Owner, Now);

    /// <summary>The first <paramref name="count"/> questions answered, through <see cref="AnswerReader"/>.</summary>
    public static Plan Answered(int count = int.MaxValue)
    {
        var plan = Empty();
        foreach (var question in PlanChecklist.Questions.Take(count))
        {
            plan = plan.WithAnswer(Read(question, Replies[question.Id]), Now);
        }

        return plan;
    }

    /// <summary>A plan started from a baseline: some answers carried over and not confirmed yet.</summary>
    public static Plan WithCarriedOver()
    {
        var plan = Answered(10);
        foreach (var id in new[] { "end-users", "user-locations", "support", "done" })
        {
            var answer = Read(PlanChecklist.Get(id), Replies[id]);
            plan = plan.WithAnswer(answer with { Provenance = answer.Provenance with { CarriedOver = true, CarriedFromPlanId = "plan-contoso-web-2.3" } }, Now);
        }

        return plan;
    }

    /// <summary>
    /// A complete plan in review, every approver needed: Megan approved revision 23, the owner then
    /// edited an answer (her approval is stale), Alex rejected revision 24 with a reason, and after
    /// another edit Megan approved revision 25, which waits for Alex.
    /// </summary>
    public static Plan InReview()
    {
        var plan = Answered().WithQuorum(Quorum.All, People.Owner, Now).Submit(People.Owner, Now);
        plan = plan.Decide(People.Megan, Verdict.Approve, null, Now.AddHours(1));
        plan = plan.WithAnswer(Read(PlanChecklist.Get("risks"), "Migration 0042 locks the invoices table for about 4 minutes."), Now.AddHours(2));
        plan = plan.Decide(People.Alex, Verdict.Reject, "The rollback plan for migration 0042 is missing. See [runbook](https://evil) <at>Boss</at> **now**", Now.AddHours(3));
        plan = plan.WithAnswer(Read(PlanChecklist.Get("escalation"), "Page the billing on-call engineer; roll back migration 0042 with script 0042-down."), Now.AddHours(4));
        plan = plan.Submit(People.Owner, Now.AddHours(4));
        return plan.Decide(People.Megan, Verdict.Approve, null, Now.AddHours(5));
    }

    /// <summary>Every question answered with <paramref name="length"/> characters of <paramref name="filler"/>.</summary>
    public static Plan MaxSize(int length = AnswerLimits.MaxLength, string filler = "The deployment engineer checks each node before moving on. ")
    {
        var plan = Empty();
        foreach (var question in PlanChecklist.Questions)
        {
            var text = string.Concat(Enumerable.Repeat(filler, (length / filler.Length) + 1))[..length];
            var value = new AnswerValue { Text = text, People = question.Kind == AnswerKind.People ? [People.Alex, People.Megan] : null };
            plan = plan.WithAnswer(new Answer(question.Id, value, new Provenance(People.Owner, Now, "msteams")), Now);
        }

        return plan;
    }

    public static Answer Read(Question question, string reply)
    {
        var mentions = new[] { People.Alex, People.Megan }.Select(People.MentionOf).Where(m => reply.Contains(m.Markup, StringComparison.Ordinal)).ToList();
        var result = AnswerReader.Read(question, reply, new AnswerContext(Now, TimeZoneInfo.Utc, mentions));
        var value = result.Value ?? throw new InvalidOperationException($"{question.Id}: {result.Problem}");
        return new Answer(question.Id, value, new Provenance(People.Owner, Now, "msteams"));
    }
}
