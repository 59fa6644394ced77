using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanBot.Slack.Inbound;

/// <summary>Runs the queued Slack work: one loop per partition of <see cref="SlackWorkQueue"/>.</summary>
public sealed class SlackWorkService(SlackWorkQueue queue, ILogger<SlackWorkService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.Partitions).Select(p => RunAsync(p, stoppingToken)));

    private async Task RunAsync(int partition, CancellationToken stoppingToken)
    {
        // Leave the host's start-up path before the first read.
        await Task.Yield();
        var reader = queue.Reader(partition);
        try
        {
            await foreach (var work in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.TurnFailed(failure, "(queued work)");
                }
                finally
                {
                    queue.Completed();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; what is still queued is Slack's to retry (events) or the user's to repeat.
        }
    }
}
