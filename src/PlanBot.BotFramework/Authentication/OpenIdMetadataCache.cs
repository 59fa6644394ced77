using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// One OpenID metadata document and its signing keys, cached, refreshed on a schedule and on demand.
/// </summary>
/// <remarks>
/// Not a <c>ConfigurationManager</c>: in Microsoft.IdentityModel 8.x its <c>RequestRefresh()</c> makes the next
/// <c>GetConfigurationAsync()</c> return the stale document while the new one loads in the background, and ignores
/// a second request within <c>RefreshInterval</c>. The Bot Framework rule "on an unknown kid, refresh once, then
/// decide" needs the fresh keys before answering, so this cache awaits the fetch. It still uses the library's
/// retriever to download and parse the document and its JWKS.
/// </remarks>
internal sealed class OpenIdMetadataCache(string address, IDocumentRetriever documentRetriever, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>PROTOCOLS §3.1 asks for at least daily; the IdentityModel default of 12 h leaves room.</summary>
    internal static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(12);

    /// <summary>
    /// Forced refreshes are spaced so a stream of tokens with made-up kids costs the metadata host at most one
    /// request a minute; the first forced refresh is never delayed, so a rotated key is picked up at once.
    /// </summary>
    internal static readonly TimeSpan ForcedRefreshMinimumInterval = TimeSpan.FromMinutes(1);

    /// <summary>After a failed scheduled refresh the cached keys stay in use; try again this much later.</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim fetchLock = new(1, 1);

    private volatile OpenIdConnectConfiguration? cached;

    // UTC ticks, so the lock-free read in GetAsync cannot see a torn value.
    private long nextRefreshTicks;
    private DateTimeOffset? lastForcedRefresh;

    /// <summary>The cached document, fetched first if there is none or it is due for refresh.</summary>
    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = cached;
        if (current is not null && !IsDue())
        {
            return current;
        }

        await fetchLock.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (cached is not null && !IsDue())
            {
                return cached;
            }

            return await FetchAsync(cancellationToken);
        }
        finally
        {
            fetchLock.Release();
        }
    }

    /// <summary>
    /// Fetches the document again because <paramref name="seen"/> lacked a signing key; returns the cached one
    /// when another caller already refreshed since, or when the last forced refresh was too recent.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration seen, CancellationToken cancellationToken)
    {
        await fetchLock.WaitAsync(cancellationToken);
        try
        {
            if (cached is not null && !ReferenceEquals(cached, seen))
            {
                return cached;
            }

            var now = time.GetUtcNow();
            if (cached is not null && lastForcedRefresh is { } last && now - last < ForcedRefreshMinimumInterval)
            {
                logger.MetadataRefreshThrottled(address);
                return cached;
            }

            lastForcedRefresh = now;
            logger.MetadataRefreshForced(address);
            return await FetchAsync(cancellationToken);
        }
        finally
        {
            fetchLock.Release();
        }
    }

    public void Dispose() => fetchLock.Dispose();

    private bool IsDue() => time.GetUtcNow().UtcTicks >= Volatile.Read(ref nextRefreshTicks);

    private void ScheduleRefresh(TimeSpan after) =>
        Volatile.Write(ref nextRefreshTicks, (time.GetUtcNow() + after).UtcTicks);

    private async Task<OpenIdConnectConfiguration> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever
                .GetAsync(address, documentRetriever, cancellationToken)
                ;
            ScheduleRefresh(AutomaticRefreshInterval);
            cached = configuration;
            logger.MetadataLoaded(address, configuration.SigningKeys.Count);
            return configuration;
        }
        catch (Exception failure) when (cached is not null && failure is not OperationCanceledException)
        {
            // Stale keys are better than none: the Connector signs with long-lived keys.
            ScheduleRefresh(RetryAfterFailure);
            logger.MetadataRefreshFailed(address, failure);
            return cached;
        }
    }
}
