using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Reminders;

namespace PlanBot.Host.Hosting;

/// <summary>Looks for due reminders every <see cref="EngineOptions.ReminderScanInterval"/>; several hosts may run it at once.</summary>
internal sealed class ReminderService(ReminderWorker worker, EngineOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.MaxReminders <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.ReminderScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await worker.RunOnceAsync(stoppingToken);
        }
    }
}
