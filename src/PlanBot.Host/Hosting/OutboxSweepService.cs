using PlanBot.Conversations.Delivery;

namespace PlanBot.Host.Hosting;

/// <summary>Runs the outbox sweeper every second, so sent replies get recorded even when no turn follows.</summary>
internal sealed class OutboxSweepService(OutboxSweeper sweeper, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await sweeper.SweepAsync(stoppingToken);
        }
    }
}
