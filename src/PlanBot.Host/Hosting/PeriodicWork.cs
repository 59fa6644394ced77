namespace PlanBot.Host.Hosting;

/// <summary>
/// Background work done every <see cref="Interval"/> for the life of the host. A round that throws
/// is logged and the next one runs as planned: the platform stops the whole host when a background
/// service throws, and one bad round (a store surprise, a bug in one plan) must not take the
/// endpoints down with it.
/// </summary>
internal abstract class PeriodicWork(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                logger.LogError(failure, "A round of {Work} failed; the next round runs in {Interval}", GetType().Name, Interval);
            }
        }
    }
}
