using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Deployment;
using PlanBot.Domain.Plans;

namespace PlanBot.Gates.Events;

/// <summary>What became of a deployment stage a pipeline reported: the stage after it, or why it was not taken.</summary>
internal sealed record DeploymentReportResult(int Status, string? Stage, bool Changed, string? Problem);

/// <summary>
/// Takes a deployment stage a pipeline reported (the events endpoint, GitHub's deployment_status) for
/// a release of a tenant: checked on the plan first, so the sender hears why a stage is refused, then
/// run as a turn in the plan's approval thread, as the pipeline's.
/// </summary>
internal sealed class DeploymentReports(IConversationStore store, IReplyChannels channels, TurnProcessor processor, TimeProvider time)
{
    public async Task<DeploymentReportResult> ReportAsync(
        string tenantId, string product, string version, DeploymentStage stage, string source, string? note, string eventId, CancellationToken cancellationToken)
    {
        Versioned<PlanDocument>? stored = null;
        foreach (var candidate in ReleaseVersions.Candidates(version))
        {
            // A tag such as v2.4 names the plan for 2.4, as it does for the gates.
            stored ??= await store.FindPlanAsync(tenantId, product, candidate, cancellationToken);
        }

        if (stored is null)
        {
            return new DeploymentReportResult(404, null, false, $"There is no plan for {product} {version} in this tenant.");
        }

        var plan = stored.Document.Plan;
        Plan after;
        try
        {
            // The turn checks again, on the plan as it is then.
            after = plan.Report(stage, null, source, note, eventId, time.GetUtcNow());
        }
        catch (PlanRuleException refused)
        {
            return new DeploymentReportResult(409, Plan.Stage(plan.State), false, refused.Message);
        }

        if (ReferenceEquals(after, plan))
        {
            return new DeploymentReportResult(200, Plan.Stage(plan.State), false, null);
        }

        if (!stored.Document.Posts.TryGetValue(PostKeys.Approval, out var request) || channels.For(request.Thread.Channel) is not { } channel)
        {
            return new DeploymentReportResult(409, Plan.Stage(plan.State), false, $"The plan for {product} {version} has no approval thread to report in.");
        }

        var turn = new Turn(
            TurnKind.Action,
            $"pipeline-event:{eventId}",
            request.Thread,
            new PersonRef($"pipeline:{source}", source),
            string.Empty,
            [],
            Action: new PipelineEventAction(plan.Id, stage, source, note, eventId));
        await processor.ProcessAsync(turn, channel, cancellationToken);
        return new DeploymentReportResult(200, Plan.Stage(after.State), true, null);
    }
}
