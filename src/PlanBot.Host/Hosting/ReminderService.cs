using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Reminders;

namespace PlanBot.Host.Hosting;

/// <summary>Looks for due reminders every <see cref="EngineOptions.ReminderScanInterval"/>; several hosts may run it at once.</summary>
internal sealed class ReminderService(ReminderWorker worker, EngineOptions options, TimeProvider time, ILogger<ReminderService> logger) : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.ReminderScanInterval;

    protected override bool Enabled => options.MaxReminders > 0;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => worker.RunOnceAsync(cancellationToken);
}
