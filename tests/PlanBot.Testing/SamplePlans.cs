using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Testing.Slack;

namespace PlanBot.Testing;

/// <summary>
/// Plans of Contoso.Web 2.4 in known states, built through the domain's own moves as the interview
/// builds them. Three kinds: plans for the rules, answered with placeholders at the real clock
/// (<see cref="Start"/>); plans for what cards and text show, answered with realistic replies at a
/// fixed instant (<see cref="Now"/>); and plans kept in Slack, by the workspace's <see cref="SlackUsers"/>.
/// </summary>
public static class SamplePlans
{
    /// <summary>When the plans for the rules are started and answered: the clock as the tests begin, so rules that compare with "now" see current dates.</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    /// <summary>When the realistic and the Slack plans are written: fixed, so what a card shows of it can be asserted.</summary>
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
        [PlanChecklist.BackoutTriggers] = "Smoke tests still failing 20 minutes into the window, or a sev-2 incident the release caused.",
        [PlanChecklist.BackoutSteps] = "1. Swap the web slots back\n2. Redeploy contoso-api 2.3.4\n3. Leave migration 0042 in place: 2.3 ignores its columns",
        [PlanChecklist.BackoutDecider] = "<at>Megan Bowen</at>",
        ["backout-compatibility"] = "yes, 2.3 runs against the 0042 schema",
        ["backout-duration"] = "About 25 minutes.",
    };

    /// <summary>Started by <see cref="People.Owner"/> at <see cref="Start"/>, nothing answered.</summary>
    public static Plan Started() => Plan.Start("plan-1", "msteams:tenant-1", "Contoso.Web", "2.4", People.Owner, Start);

    /// <summary>A free-text answer given in Teams at <see cref="Start"/>, by the owner unless <paramref name="by"/> says otherwise.</summary>
    public static Answer AnswerOf(string questionId, string text, PersonRef? by = null, bool carriedOver = false, IReadOnlyList<PersonRef>? people = null) =>
        new(questionId, new AnswerValue { Text = text, People = people }, new Provenance(by ?? People.Owner, Start, "msteams", carriedOver, carriedOver ? "plan-0" : null));

    public static Answer ApproversAnswer(params PersonRef[] approvers) =>
        AnswerOf(Plan.ApproversQuestion, string.Join(", ", approvers.Select(a => a.ToString())), People.Owner, people: approvers);

    /// <summary>Every question answered by the owner with a placeholder, with <paramref name="approvers"/> in section 5.</summary>
    public static Plan Complete(params PersonRef[] approvers) =>
        AnswerEach(Started(), PlanChecklist.Questions, Start, question =>
            question.Id == Plan.ApproversQuestion ? ApproversAnswer(approvers) : AnswerOf(question.Id, $"Answer to {question.Id}"));

    /// <summary><see cref="Complete"/>, submitted by the owner.</summary>
    public static Plan InReview(params PersonRef[] approvers) => Complete(approvers).Submit(People.Owner, Start);

    /// <summary>Started by <see cref="People.Owner"/> at <see cref="Now"/>, nothing answered.</summary>
    public static Plan Empty() =>
        Plan.Start("plan-contoso-web-2.4", "msteams:tenant-1", "Contoso.Web", "2.4", People.Owner, Now);

    /// <summary>The first <paramref name="count"/> questions answered with <see cref="Replies"/>, through <see cref="AnswerReader"/>.</summary>
    public static Plan Answered(int count = int.MaxValue) =>
        AnswerEach(Empty(), PlanChecklist.Questions.Take(count), Now, question => Read(question, Replies[question.Id]));

    /// <summary>A plan started from a baseline: the first ten questions answered, and four answers carried over and not confirmed yet.</summary>
    public static Plan WithCarriedOver() =>
        AnswerEach(Answered(10), new[] { "end-users", "user-locations", "support", "done" }.Select(PlanChecklist.Get), Now, question =>
        {
            var answer = Read(question, Replies[question.Id]);
            return answer with { Provenance = answer.Provenance with { CarriedOver = true, CarriedFromPlanId = "plan-contoso-web-2.3" } };
        });

    /// <summary>
    /// A complete plan in review, every approver needed: Megan approved revision 23, the owner then
    /// edited an answer (her approval is stale), Alex rejected revision 24 with a reason, and after
    /// another edit Megan approved revision 25, which waits for Alex.
    /// </summary>
    public static Plan InReviewWaitingForAlex()
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
        ArgumentNullException.ThrowIfNull(filler);
        var text = string.Concat(Enumerable.Repeat(filler, (length / filler.Length) + 1))[..length];
        return AnswerEach(Empty(), PlanChecklist.Questions, Now, question =>
        {
            var value = new AnswerValue { Text = text, People = question.Kind == AnswerKind.People ? [People.Alex, People.Megan] : null };
            return new Answer(question.Id, value, new Provenance(People.Owner, Now, "msteams"));
        });
    }

    /// <summary>The owner's <paramref name="reply"/> to <paramref name="question"/> as the interview reads it, with Alex and Megan as @mentions.</summary>
    public static Answer Read(Question question, string reply)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(reply);
        var mentions = new[] { People.Alex, People.Megan }.Select(People.MentionOf).Where(m => reply.Contains(m.Markup, StringComparison.Ordinal)).ToList();
        var result = AnswerReader.Read(question, reply, new AnswerContext(Now, TimeZoneInfo.Utc, mentions));
        var value = result.Value ?? throw new InvalidOperationException($"{question.Id}: {result.Problem}");
        return new Answer(question.Id, value, new Provenance(People.Owner, Now, "msteams"));
    }

    /// <summary>
    /// Every question answered in Slack by <see cref="SlackUsers.Owner"/> with <paramref name="answer"/>
    /// (a placeholder when null); people questions name the approver and the developer.
    /// </summary>
    public static Plan CompleteInSlack(Func<Question, string>? answer = null) =>
        AnswerEach(Plan.Start("plan-1", "slack:" + SlackPayloads.TeamId, "Contoso.Web", "2.4", SlackUsers.Owner, Now), PlanChecklist.Questions, Now, question =>
        {
            var value = question.Kind == AnswerKind.People
                ? new AnswerValue { Text = "Megan Bowen, Diego Siciliani", People = [SlackUsers.Approver, SlackUsers.Developer] }
                : new AnswerValue { Text = answer?.Invoke(question) ?? $"Answer to {question.Id}" };
            return new Answer(question.Id, value, new Provenance(SlackUsers.Owner, Now, "slack"));
        });

    /// <summary><see cref="CompleteInSlack"/>, submitted by its owner.</summary>
    public static Plan InReviewInSlack(Func<Question, string>? answer = null) => CompleteInSlack(answer).Submit(SlackUsers.Owner, Now);

    private static Plan AnswerEach(Plan plan, IEnumerable<Question> questions, DateTimeOffset at, Func<Question, Answer> answer)
    {
        foreach (var question in questions)
        {
            plan = plan.WithAnswer(answer(question), at);
        }

        return plan;
    }
}
