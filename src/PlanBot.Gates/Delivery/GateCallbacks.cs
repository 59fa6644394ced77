using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Gates.Azure;
using PlanBot.Gates.GitHub;

namespace PlanBot.Gates.Delivery;

/// <summary>Tells a waiting deployment its outcome through its own system's API.</summary>
internal sealed class GateCallbacks(TaskEventsClient azure, IServiceProvider services) : IGateCallbacks
{
    public Task<GateReportResult> ReportAsync(GateRequest request, GateOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outcome);
        return request switch
        {
            { System: GateSystem.AzurePipelines, Azure: { } check } => azure.CompleteAsync(check, outcome.Approved, cancellationToken),
            { System: GateSystem.GitHub, GitHub: { } deployment } when services.GetService<GitHubClient>() is { } github =>
                github.ReviewAsync(deployment, request.Environment, outcome.Approved, "PlanBot: " + outcome.Comment, cancellationToken),
            { System: GateSystem.GitHub } => Task.FromResult(new GateReportResult(GateReport.TryAgain, "the GitHub App is not configured on this host.")),
            _ => Task.FromResult(new GateReportResult(GateReport.Gone, "the request holds nothing to call back.")),
        };
    }
}
