using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Gates;

namespace PlanBot.Gates.Hosting;

/// <summary>
/// Runs the gate sender: at once for the plans this host woke it for, and every
/// <see cref="GateOptions.ScanInterval"/> for the rest. A round that fails is logged and the next
/// one runs: a background service that threw would stop the whole host, chat included.
/// </summary>
internal sealed class GateSenderService(GateWorker worker, GateSignal signal, GateOptions options, ILogger<GateSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = await signal.WaitAsync(options.ScanInterval, stoppingToken);
                await worker.RunOnceAsync(woken, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                logger.GateRoundFailed(failure);
                await Task.Delay(options.ScanInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
