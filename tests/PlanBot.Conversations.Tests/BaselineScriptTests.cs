using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// A product's next release (OpenUP "update the plan"): the previous release's plan is offered as a
/// baseline, its answers come over by each question's carry-over rule, the review walks them with
/// keep, change and remove and points out what still names the old release, submission waits for
/// every carried answer to be confirmed, and the summary shows what changed against the baseline.
/// </summary>
public sealed class BaselineScriptTests
{
    /// <summary>Answers of a release's own, never copied to the next one: the features in scope, dates and the window.</summary>
    private static readonly string[] ReleaseSpecific = ["features", "valuable-features", "available-by", "deployed-by", "deployment-window"];

    private readonly BotWorld world = new();

    /// <summary>The cut-over rehearsal 2.4's rollout names: ahead while 2.4 is planned, past by the time 2.5 is.</summary>
    private DateOnly rehearsal;

    [Fact]
    public async Task Next_release_is_offered_the_previous_plan_and_nothing_is_stored_until_chosen()
    {
        await PreviousReleaseApprovedAsync();
        var dana = world.Chat();

        await dana.Send("plan Contoso.Web 2.5");

        dana.ExpectReplyContaining("There is already a plan for Contoso.Web 2.4 (approved, 100% complete). Type `baseline` to start Contoso.Web 2.5 from it");
        dana.ExpectReplyContaining("Type `fresh` to start empty instead.");
        Assert.DoesNotContain(dana.Replies, r => r.Heading.StartsWith("question ", StringComparison.Ordinal));
        Assert.Null(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.5"));
    }

    [Fact]
    public async Task Baseline_copies_carried_answers_unconfirmed_and_clears_release_specific_ones()
    {
        await PreviousReleaseApprovedAsync();
        var previous = world.PlanOf("Contoso.Web", "2.4");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.5");

        await dana.Send("baseline");

        var carriedCount = PlanChecklist.Count - ReleaseSpecific.Length;
        dana.ExpectReplyContaining($"Started Contoso.Web 2.5 from the plan for Contoso.Web 2.4: {carriedCount} answer(s) carried over, to keep, change or remove, a section at a time.");
        // The features in scope are the release's own, so the review starts by asking them anew.
        dana.ExpectQuestion("features");
        Assert.DoesNotContain("current:", dana.LastReply, StringComparison.Ordinal);

        var plan = world.PlanOf("Contoso.Web", "2.5");
        Assert.Equal(previous.Id, plan.BaselinePlanId);
        Assert.Equal("Contoso.Web 2.4", plan.BaselineTitle);
        Assert.Equal(PlanState.Draft, plan.State);
        foreach (var question in PlanChecklist.Questions)
        {
            var answer = plan.AnswerTo(question.Id);
            if (ReleaseSpecific.Contains(question.Id))
            {
                Assert.True(answer is null, $"{question.Id} belongs to 2.4 only but was carried over.");
                continue;
            }

            Assert.NotNull(answer);
            Assert.True(answer.Provenance.CarriedOver, $"{question.Id} is not marked carried over.");
            Assert.Equal(previous.Id, answer.Provenance.CarriedFromPlanId);
            PlanningSteps.AssertSameValue(previous.AnswerTo(question.Id)!.Value, answer.Value);
        }

        Assert.Equal(carriedCount, plan.Completeness().Unconfirmed.Count);
        Assert.Equal(0, plan.Completeness().Answered);
        Assert.Equal(previous.Approvers, plan.Approvers);
    }

    [Fact]
    public async Task Fresh_starts_the_next_release_empty()
    {
        await PreviousReleaseApprovedAsync();
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.5");

        await dana.Send("fresh");

        dana.ExpectQuestion("features");
        dana.ExpectReplyContaining("Started the deployment plan for Contoso.Web 2.5.");
        var plan = world.PlanOf("Contoso.Web", "2.5");
        Assert.Empty(plan.Answers);
        Assert.Null(plan.BaselinePlanId);
    }

    [Fact]
    public async Task Review_walks_carried_answers_and_keep_change_and_remove_each_work()
    {
        var dana = await StartFromPreviousAsync();
        await dana.AnswerValidly("features", world.Now);
        await dana.Send("Saved carts shared across devices");

        // components: carried over; shown with its answer and how to confirm it.
        dana.ExpectQuestion("components");
        dana.ExpectReplyContaining("current: checkout-api, web-frontend (carried over, not confirmed)");
        dana.ExpectReplyContaining("Carried over from Contoso.Web 2.4, not confirmed: `keep` it, type this release's answer, or `remove` it.");
        await dana.Send("checkout-api, web-frontend, cart-sync");

        dana.ExpectQuestion("why");
        var changed = world.PlanOf("Contoso.Web", "2.5").AnswerTo("components")!;
        Assert.Equal("checkout-api, web-frontend, cart-sync", changed.Value.Text);
        Assert.False(changed.IsUnconfirmed);
        Assert.Equal(TestPeople.Dana, changed.Provenance.AnsweredBy);

        await dana.Send("keep");

        dana.ExpectQuestion("available-by");
        dana.ExpectReplyContaining("note: Kept for this release.");
        var kept = world.PlanOf("Contoso.Web", "2.5").AnswerTo("why")!;
        Assert.False(kept.IsUnconfirmed);
        PlanningSteps.AssertSameValue(world.PlanOf("Contoso.Web", "2.4").AnswerTo("why")!.Value, kept.Value);
        Assert.Equal(world.Now, kept.Provenance.At);

        await dana.AnswerValidly("available-by", world.Now);
        await dana.AnswerValidly("deployed-by", world.Now);
        await dana.AnswerValidly("deployment-window", world.Now);
        dana.ExpectQuestion("rollout-order");

        await dana.Send("remove");

        // The same question again, now empty: removing leaves the question to answer for this release.
        dana.ExpectQuestion("rollout-order");
        dana.ExpectReplyContaining("note: Removed. Type this release's answer, or `skip` to leave it open.");
        Assert.DoesNotContain("current:", dana.LastReply, StringComparison.Ordinal);
        Assert.Null(world.PlanOf("Contoso.Web", "2.5").AnswerTo("rollout-order"));

        await dana.Send("cart-sync first, then checkout-api, then web-frontend");

        dana.ExpectQuestion("risks");
        Assert.Equal("cart-sync first, then checkout-api, then web-frontend", world.PlanOf("Contoso.Web", "2.5").AnswerTo("rollout-order")!.Value.Text);
        Assert.True(world.PlanOf("Contoso.Web", "2.5").AnswerTo("risks")!.IsUnconfirmed);
    }

    [Fact]
    public async Task Carried_answer_naming_the_previous_release_is_flagged()
    {
        var dana = await StartFromPreviousAsync();
        await dana.AnswerValidly("features", world.Now);
        await dana.AnswerValidly("valuable-features", world.Now);
        await dana.Send("keep");

        dana.ExpectQuestion("why");
        dana.ExpectReplyContaining("problem: Check this answer: it mentions 2.4, the previous release.");
    }

    [Fact]
    public async Task Carried_answer_with_a_date_now_past_is_flagged()
    {
        var dana = await StartFromPreviousAsync();
        await dana.AnswerValidly("features", world.Now);
        await dana.AnswerValidly("valuable-features", world.Now);
        await dana.Send("keep");
        await dana.Send("keep");
        await dana.AnswerValidly("available-by", world.Now);
        await dana.AnswerValidly("deployed-by", world.Now);
        await dana.AnswerValidly("deployment-window", world.Now);

        dana.ExpectQuestion("rollout-order");
        dana.ExpectReplyContaining($"problem: Check this answer: it mentions {SampleAnswers.Iso(rehearsal)}, which is past.");

        // An answer with nothing of the old release in it is not flagged.
        await dana.Send("keep");
        dana.ExpectQuestion("risks");
        Assert.DoesNotContain("problem:", dana.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_is_refused_while_carried_answers_are_unconfirmed_and_allowed_after()
    {
        var dana = await StartFromPreviousAsync();
        await WalkToRisksAsync(dana);

        await dana.Send("submit");

        dana.ExpectReplyContaining("The plan is not complete yet. Still open: ");
        dana.ExpectReplyContaining(PlanChecklist.Get("risks").Text);
        dana.ExpectReplyContaining(PlanChecklist.Get("success-evidence").Text);
        dana.ExpectQuestion("risks");
        Assert.Equal(PlanState.Draft, world.PlanOf("Contoso.Web", "2.5").State);

        await KeepTheRestAsync(dana);
        dana.ExpectReplyContaining("That was the last question: the plan for Contoso.Web 2.5 is 100% complete.");
        await dana.Send("submit");

        dana.ExpectReplyContaining("Submitted the plan for Contoso.Web 2.5 (revision");
        var plan = world.PlanOf("Contoso.Web", "2.5");
        Assert.Equal(PlanState.InReview, plan.State);
        Assert.Empty(plan.Completeness().Unconfirmed);
        Assert.DoesNotContain(plan.Answers.Values, a => a.IsUnconfirmed);
    }

    [Fact]
    public async Task Summary_shows_what_changed_against_the_baseline()
    {
        var dana = await StartFromPreviousAsync();
        await WalkToRisksAsync(dana);
        await dana.Send("remove");

        await dana.Send("status");

        dana.ExpectReplyContaining("baseline: Contoso.Web 2.4");
        dana.ExpectReplyContaining($"against the baseline: Removed: {PlanChecklist.Get("risks").Text}");
        dana.ExpectReplyContaining($"against the baseline: Not yet confirmed: {PlanChecklist.Get("end-users").Text}");
        dana.ExpectReplyContaining($"against the baseline: Changed: {PlanChecklist.Get("components").Text}");
        // Kept as it was: not a change.
        dana.ExpectNoReplyContaining(PlanChecklist.Get("why").Text);

        await dana.Send("None known");
        await KeepTheRestAsync(dana, from: "end-users");
        await dana.Send("status");

        // Everything typed anew is a change; what was kept as it was is not listed, and nothing waits for confirmation.
        var changes = Lines(dana.LastReply, "against the baseline: ");
        var expected = new[] { "features", "valuable-features", "components", "available-by", "deployed-by", "deployment-window", "rollout-order", "risks" }
            .Select(id => $"Changed: {PlanChecklist.Get(id).Text}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), changes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Show_marks_the_answers_still_carried_over()
    {
        var dana = await StartFromPreviousAsync();
        await WalkToRisksAsync(dana);

        await dana.Send("show");

        dana.ExpectReplyContaining("  risks: Payment provider freeze over the weekend [by Dana Owner, carried over]");
        dana.ExpectReplyContaining("  why: Customers asked for saved carts; 2.4 delivers them [by Dana Owner]\n");
        dana.ExpectReplyContaining("  features: Saved carts on every device [by Dana Owner]\n");
        dana.ExpectReplyContaining($"unconfirmed: 3. {PlanChecklist.Get("risks").Text}");
    }

    [Fact]
    public async Task Version_2_10_takes_2_9_as_its_baseline_by_numeric_order()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Api 2.8");
        await dana.Send("plan Contoso.Api 2.9");
        await dana.Send("fresh");
        await dana.Send("plan Contoso.Api 2.11");
        dana.ExpectReplyContaining("There is already a plan for Contoso.Api 2.9 ");
        await dana.Send("fresh");

        await dana.Send("plan Contoso.Api 2.10");

        // 2.9 is the newest release before 2.10; 2.11 comes after it, and 2.8 is older.
        dana.ExpectReplyContaining("There is already a plan for Contoso.Api 2.9 (a draft, 0% complete). Type `baseline` to start Contoso.Api 2.10 from it");
        await dana.Send("baseline");
        Assert.Equal(world.PlanOf("Contoso.Api", "2.9").Id, world.PlanOf("Contoso.Api", "2.10").BaselinePlanId);
    }

    [Fact]
    public async Task Cancelled_plan_is_not_offered_as_a_baseline()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Api 2.8");
        await dana.Send("plan Contoso.Api 2.9");
        await dana.Send("fresh");
        await dana.Send("cancel");
        dana.ExpectReplyContaining("Cancelled the plan for Contoso.Api 2.9.");

        await dana.Send("plan Contoso.Api 2.10");

        dana.ExpectReplyContaining("There is already a plan for Contoso.Api 2.8 ");
        dana.ExpectNoReplyContaining("Contoso.Api 2.9");
    }

    [Fact]
    public async Task Only_a_cancelled_earlier_plan_means_no_offer()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Api 2.9");
        await dana.Send("cancel");

        await dana.Send("plan Contoso.Api 2.10");

        dana.ExpectReplyContaining("Started the deployment plan for Contoso.Api 2.10.");
        dana.ExpectQuestion("features");
        dana.ExpectNoReplyContaining("There is already a plan");
    }

    /// <summary>
    /// Contoso.Web 2.4, complete, submitted and approved, with answers that will look stale for 2.5:
    /// one names "2.4", one names a rehearsal date that is past once ten days have gone by.
    /// </summary>
    private async Task PreviousReleaseApprovedAsync()
    {
        rehearsal = SampleAnswers.DaysAhead(world.Now, 5);
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4", new Dictionary<string, string>
        {
            ["features"] = "Checkout redesign, saved carts",
            ["valuable-features"] = "Saved carts",
            ["components"] = "checkout-api, web-frontend",
            ["why"] = "Customers asked for saved carts; 2.4 delivers them",
            ["rollout-order"] = $"checkout-api first, then web-frontend; cut-over rehearsal on {SampleAnswers.Iso(rehearsal)}",
            ["risks"] = "Payment provider freeze over the weekend",
        });
        await world.SubmitAndApprove(dana, "Contoso.Web 2.4", TestPeople.Megan);
        Assert.Equal(PlanState.Approved, world.PlanOf("Contoso.Web", "2.4").State);
        world.Clock.Advance(TimeSpan.FromDays(10));
    }

    /// <summary>2.4 approved, ten days on, then 2.5 started from it; the review is at its first question.</summary>
    private async Task<ChatScript> StartFromPreviousAsync()
    {
        await PreviousReleaseApprovedAsync();
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.5");
        await dana.Send("baseline");
        dana.ExpectQuestion("features");
        return dana;
    }

    /// <summary>
    /// The review up to the risks: new features, components changed, why kept, new dates, the
    /// rollout order removed and answered anew.
    /// </summary>
    private async Task WalkToRisksAsync(ChatScript dana)
    {
        await dana.Send("Saved carts on every device");
        await dana.Send("Carts follow the customer");
        await dana.Send("checkout-api, web-frontend, cart-sync");
        await dana.Send("keep");
        await dana.AnswerValidly("available-by", world.Now);
        await dana.AnswerValidly("deployed-by", world.Now);
        await dana.AnswerValidly("deployment-window", world.Now);
        await dana.Send("remove");
        dana.ExpectQuestion("rollout-order");
        await dana.Send("cart-sync first, then checkout-api, then web-frontend");
        dana.ExpectQuestion("risks");
    }

    /// <summary>Keeps every carried answer the review asks about, from <paramref name="from"/> to the end.</summary>
    private static async Task KeepTheRestAsync(ChatScript dana, string from = "risks")
    {
        foreach (var question in PlanChecklist.Questions.SkipWhile(q => q.Id != from))
        {
            dana.ExpectQuestion(question.Id);
            await dana.Send("keep");
        }
    }

    private static List<string> Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToList();
}
