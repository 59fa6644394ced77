using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Deployment day in the plan's thread: the run sheet when the deployment starts, its steps ticked
/// off, the outcome, the success criteria checked until the release is done, and the backout plan
/// brought out when something fails.
/// </summary>
public sealed class DeploymentScriptTests
{
    private readonly BotWorld world = new();

    private Plan Plan => world.PlanOf("Contoso.Web", "2.4");

    private static IReadOnlyList<DeliveredReply> InThread(ChatScript chat, string heading) =>
        chat.Replies.Where(r => r.To.ConversationId.StartsWith(PlanningSteps.ReleaseChannelId, StringComparison.Ordinal) && r.Heading.StartsWith(heading, StringComparison.Ordinal)).ToList();

    /// <summary>Dana's plan, approved by Megan, with a three-step run sheet and two success criteria.</summary>
    private async Task<ChatScript> ApprovedAsync()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4", new Dictionary<string, string>
        {
            ["rollout-order"] = "web on web-1, web-2 after api\napi on api-1 after database\ndatabase on sql-1",
            ["done"] = "Smoke tests pass in every region",
            ["success-evidence"] = "Error rate under 0.1% for an hour",
        });
        await world.SubmitAndApprove(dana, "Contoso.Web 2.4", TestPeople.Megan);
        return dana;
    }

    [Fact]
    public async Task Starting_the_deployment_posts_the_run_sheet_in_order_in_the_plans_thread()
    {
        var dana = await ApprovedAsync();

        await dana.Send("start deployment");

        Assert.Equal(PlanState.Deploying, Plan.State);
        var sheet = Assert.Single(InThread(dana, "runsheet"));
        Assert.Equal(DeliveryMode.Reply, sheet.Reply.Mode);
        Assert.Equal(PostKeys.RunSheet, sheet.Reply.PostKey);
        Assert.Contains("step 1 database on sql-1\nstep 2 api on api-1 after database\nstep 3 web on web-1, web-2 after api", sheet.Text, StringComparison.Ordinal);
        var card = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Update && r.Heading.StartsWith("approval", StringComparison.Ordinal));
        Assert.Contains("deploying (Dana Owner)", card.Text, StringComparison.Ordinal);
        dana.ExpectReplyContaining("Dana Owner: the deployment of Contoso.Web 2.4 is deploying.");
    }

    [Fact]
    public async Task Deploying_is_the_same_as_start_deployment()
    {
        var dana = await ApprovedAsync();

        await dana.Send("deploying");

        Assert.Equal(PlanState.Deploying, Plan.State);
        Assert.Single(InThread(dana, "runsheet"));
    }

    [Fact]
    public async Task Only_the_owner_and_the_delivery_team_run_the_deployment()
    {
        await ApprovedAsync();
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");

        await megan.Send("start deployment");

        megan.ExpectReplyContaining("Only the plan's owner and the delivery team named in section 6 may report the deployment.");
        Assert.Equal(PlanState.Approved, Plan.State);
    }

    [Fact]
    public async Task A_plan_not_approved_is_not_deployed()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("start deployment");

        dana.ExpectReplyContaining("The plan for Contoso.Web 2.4 is not approved; its deployment waits for the approval.");
        Assert.Equal(PlanState.Draft, Plan.State);
    }

    [Fact]
    public async Task Steps_are_ticked_off_and_the_run_sheet_updated_in_place()
    {
        var dana = await ApprovedAsync();
        await dana.Send("start deployment");

        await dana.Send("step 1 done");
        await dana.Send("step 2 problem The api health check is slow");

        var updated = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Update && r.Heading.StartsWith("runsheet", StringComparison.Ordinal));
        Assert.Contains("step 1 database on sql-1 [done by Dana Owner]", updated.Text, StringComparison.Ordinal);
        Assert.Contains("step 2 api on api-1 after database [problem by Dana Owner: The api health check is slow]", updated.Text, StringComparison.Ordinal);
        Assert.Equal([(1, true), (2, false)], Plan.StepReports!.Select(r => (r.Step, r.Done)));
    }

    [Fact]
    public async Task Once_deployed_every_criterion_passed_makes_the_release_done()
    {
        var dana = await ApprovedAsync();
        await dana.Send("start deployment");

        await dana.Send("deployed");
        var checklist = Assert.Single(InThread(dana, "checklist"));
        Assert.Contains("for Dana Owner, Alex Wilber", checklist.Text, StringComparison.Ordinal);
        Assert.Contains("criterion 1 Smoke tests pass in every region\ncriterion 2 Error rate under 0.1% for an hour", checklist.Text, StringComparison.Ordinal);
        await dana.Send("check 1 pass");
        Assert.Equal(PlanState.Deployed, Plan.State);
        await dana.Send("check 2 pass");

        Assert.Equal(PlanState.Done, Plan.State);
        dana.ExpectReplyContaining("Every success criterion of Contoso.Web 2.4 passed: the release is done.");
    }

    [Fact]
    public async Task A_failed_criterion_brings_out_the_backout_and_asks_who_decides()
    {
        var dana = await ApprovedAsync();
        await dana.Send("start deployment");
        await dana.Send("deployed");

        await dana.Send("check 2 fail Error rate 2% after twenty minutes");

        var backout = Assert.Single(InThread(dana, "notice Warning"), r => r.Text.Contains("failed", StringComparison.Ordinal));
        Assert.Contains("\"Error rate under 0.1% for an hour\" failed: Error rate 2% after twenty minutes.", backout.Text, StringComparison.Ordinal);
        Assert.Contains("mentions: Megan Bowen", backout.Text, StringComparison.Ordinal);
        Assert.Equal(PlanState.Deployed, Plan.State);

        await dana.Send("rolled back Error rate too high");
        Assert.Equal(PlanState.RolledBack, Plan.State);
        Assert.Equal([PlanState.Deploying, PlanState.Deployed, PlanState.RolledBack], Plan.Timeline!.Select(e => e.State));
    }

    [Fact]
    public async Task A_failure_needs_its_reason_and_shows_the_backout()
    {
        var dana = await ApprovedAsync();
        await dana.Send("start deployment");

        await dana.Send("failed");
        dana.ExpectReplyContaining("Say what went wrong");
        Assert.Equal(PlanState.Deploying, Plan.State);

        await dana.Send("failed The migration timed out");
        Assert.Equal(PlanState.Failed, Plan.State);
        Assert.Single(InThread(dana, "notice Warning"), r => r.Text.Contains("The deployment failed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_being_deployed_no_longer_changes()
    {
        var dana = await ApprovedAsync();
        await dana.Send("start deployment");

        await dana.Send("edit risks");
        await dana.Send("A risk found on the day");

        dana.ExpectReplyContaining("is the record of a deployment that has started; it no longer changes.");
        Assert.NotEqual("A risk found on the day", Plan.AnswerTo("risks")!.Value.Text);
    }
}
