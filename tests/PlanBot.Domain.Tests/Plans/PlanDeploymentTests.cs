using PlanBot.Domain.Answers;
using PlanBot.Domain.Deployment;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>The approved plan through deployment day: stages, who may report them, the run sheet, the success criteria.</summary>
public sealed class PlanDeploymentTests
{
    private static readonly DateTimeOffset Later = Start.AddHours(1);

    private static Plan Approved()
    {
        var plan = Complete(People.Alex)
            .WithAnswer(AnswerOf("rollout-order", "db", by: People.Owner) with { Value = new AnswerValue { Text = "db\napi after db", Steps = RunSheet.Read("db\napi after db").Steps } }, Start)
            .WithAnswer(AnswerOf("done", "Smoke tests pass\nNo sev-2 open"), Start)
            .WithAnswer(AnswerOf("success-evidence", "Error rate under 0.1%"), Start)
            .WithAnswer(AnswerOf("delivery-team", "Megan Bowen", people: [People.Megan]), Start)
            .Submit(People.Owner, Start);
        return plan.Decide(People.Alex, Verdict.Approve, null, Start);
    }

    [Fact]
    public void An_approved_plan_starts_deploying_and_records_who_and_from_where()
    {
        var plan = Approved().Report(DeploymentStage.Started, People.Megan, "chat", null, null, Later);

        Assert.Equal(PlanState.Deploying, plan.State);
        var started = Assert.Single(plan.Timeline!);
        Assert.Equal((Later, People.Megan, "chat", PlanState.Deploying), (started.At, started.By, started.Source, started.State));
        Assert.Equal("Deployment deploying (chat)", plan.History[^1].What);
    }

    [Fact]
    public void A_plan_not_approved_does_not_deploy()
    {
        var refused = Assert.Throws<PlanRuleException>(() => InReview(People.Alex).Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later));

        Assert.Equal(PlanRule.NotApproved, refused.Rule);
    }

    [Fact]
    public void Only_the_owner_and_the_delivery_team_report_but_a_pipeline_may()
    {
        var refused = Assert.Throws<PlanRuleException>(() => Approved().Report(DeploymentStage.Started, People.Alex, "chat", null, null, Later));

        Assert.Equal(PlanRule.DeploymentCrewOnly, refused.Rule);
        Assert.Equal(PlanState.Deploying, Approved().Report(DeploymentStage.Started, null, "azure-devops", null, "run-42", Later).State);
    }

    [Fact]
    public void A_redelivered_event_changes_nothing()
    {
        var once = Approved().Report(DeploymentStage.Deployed, null, "github", null, "status-7", Later);

        Assert.Same(once, once.Report(DeploymentStage.Deployed, null, "github", null, "status-7", Later.AddMinutes(1)));
        Assert.Same(once, once.Report(DeploymentStage.Failed, null, "github", "late copy", "status-7", Later.AddMinutes(1)));
    }

    [Theory]
    [InlineData(DeploymentStage.Failed)]
    [InlineData(DeploymentStage.RolledBack)]
    public void A_failure_or_a_backout_needs_its_reason(DeploymentStage stage)
    {
        var deploying = Approved().Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later);

        var refused = Assert.Throws<PlanRuleException>(() => deploying.Report(stage, People.Owner, "chat", " ", null, Later));

        Assert.Equal(PlanRule.ReasonRequired, refused.Rule);
    }

    [Fact]
    public void Stages_follow_each_other_as_a_deployment_does()
    {
        var plan = Approved();
        var done = plan.Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later)
            .Report(DeploymentStage.Failed, People.Owner, "chat", "Migration timed out", null, Later)
            .Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later)
            .Report(DeploymentStage.Deployed, People.Owner, "chat", null, null, Later);

        Assert.Equal(PlanState.Deployed, done.State);
        var refused = Assert.Throws<PlanRuleException>(() => done.Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later));
        Assert.Equal(PlanRule.WrongStage, refused.Rule);
        Assert.Equal(PlanState.RolledBack, done.Report(DeploymentStage.RolledBack, People.Owner, "chat", "Error rate", null, Later).State);
    }

    [Fact]
    public void Steps_are_reported_while_deploying_only_and_the_latest_report_counts()
    {
        Assert.Throws<PlanRuleException>(() => Approved().ReportStep(1, done: true, People.Owner, null, Later));
        var deploying = Approved().Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later);

        var plan = deploying.ReportStep(2, done: false, People.Megan, "health check slow", Later).ReportStep(2, done: true, People.Megan, null, Later);

        var report = Assert.Single(plan.StepReports!);
        Assert.Equal((2, "api", true, People.Megan), (report.Step, report.Component, report.Done, report.By));
        Assert.Throws<ArgumentOutOfRangeException>(() => deploying.ReportStep(3, done: true, People.Owner, null, Later));
    }

    [Fact]
    public void Every_success_criterion_passed_makes_the_release_done_and_a_failed_one_does_not()
    {
        var deployed = Approved().Report(DeploymentStage.Deployed, People.Owner, "chat", null, null, Later);
        Assert.Equal(["Smoke tests pass", "No sev-2 open", "Error rate under 0.1%"], deployed.SuccessCriteria());

        var checkedTwo = deployed.Check(1, passed: true, People.Owner, null, Later).Check(3, passed: false, People.Megan, "0.4%", Later);
        Assert.Equal(PlanState.Deployed, checkedTwo.State);
        var done = checkedTwo.Check(2, passed: true, People.Owner, null, Later).Check(3, passed: true, People.Owner, "back to 0.05%", Later);

        Assert.Equal(PlanState.Done, done.State);
        Assert.Equal(PlanState.Done, done.Timeline![^1].State);
        Assert.Equal(3, done.CriterionChecks!.Count);
    }

    [Fact]
    public void A_plan_being_deployed_is_a_record_and_does_not_change()
    {
        var deploying = Approved().Report(DeploymentStage.Started, People.Owner, "chat", null, null, Later);

        var refused = Assert.Throws<PlanRuleException>(() => deploying.WithAnswer(AnswerOf("risks", "a new risk"), Later));

        Assert.Equal(PlanRule.InDeployment, refused.Rule);
    }

    [Fact]
    public void A_plan_answered_before_run_sheets_has_one_step_per_line()
    {
        var plan = Started().WithAnswer(AnswerOf("rollout-order", "Migrate the db\nDeploy the api"), Start);

        Assert.Equal(["Migrate the db", "Deploy the api"], plan.RunSheetSteps().Select(s => s.Component));
    }
}
