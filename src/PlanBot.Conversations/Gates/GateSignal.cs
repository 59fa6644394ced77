using System.Threading.Channels;

namespace PlanBot.Conversations.Gates;

/// <summary>
/// Wakes this host's gate sender for a plan it just wrote something owed into, so a deployment is
/// told at once rather than at the next scan; the scan still finds whatever a wake-up missed.
/// </summary>
public sealed class GateSignal
{
    private readonly Channel<(string TenantId, string PlanId)> woken = Channel.CreateUnbounded<(string, string)>();

    public void Wake(string tenantId, string planId) => woken.Writer.TryWrite((tenantId, planId));

    /// <summary>The plans woken since the last call, waiting up to <paramref name="timeout"/> for the first.</summary>
    public async Task<IReadOnlyList<(string TenantId, string PlanId)>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await woken.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The scan interval passed with nothing woken.
        }

        var plans = new List<(string, string)>();
        while (woken.Reader.TryRead(out var plan))
        {
            if (!plans.Contains(plan))
            {
                plans.Add(plan);
            }
        }

        return plans;
    }
}
