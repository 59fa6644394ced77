using Microsoft.Extensions.Hosting;
using PlanBot.Conversations.Gates;

namespace PlanBot.Gates.Hosting;

/// <summary>Runs the gate sender: at once for the plans this host woke it for, and every <see cref="GateOptions.ScanInterval"/> for the rest.</summary>
internal sealed class GateSenderService(GateWorker worker, GateSignal signal, GateOptions options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var woken = await signal.WaitAsync(options.ScanInterval, stoppingToken);
            await worker.RunOnceAsync(woken, stoppingToken);
        }
    }
}
