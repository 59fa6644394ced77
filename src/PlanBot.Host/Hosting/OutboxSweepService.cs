using PlanBot.Conversations.Delivery;

namespace PlanBot.Host.Hosting;

/// <summary>Runs the outbox sweeper every second, so sent replies get recorded even when no turn follows.</summary>
internal sealed class OutboxSweepService(OutboxSweeper sweeper, TimeProvider time, ILogger<OutboxSweepService> logger) : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}
