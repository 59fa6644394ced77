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
internal sealed class OpenIdMetadataCache : IDisposable
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

    private readonly string _address;
    private readonly IDocumentRetriever _documentRetriever;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _fetchLock = new(1, 1);

    private volatile OpenIdConnectConfiguration? _current;

    // UTC ticks, so the lock-free read in GetAsync cannot see a torn value.
    private long _nextRefreshTicks;
    private DateTimeOffset? _lastForcedRefresh;

    public OpenIdMetadataCache(string address, IDocumentRetriever documentRetriever, TimeProvider timeProvider, ILogger logger)
    {
        _address = address;
        _documentRetriever = documentRetriever;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The cached document, fetched first if there is none or it is due for refresh.</summary>
    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !IsDue())
        {
            return current;
        }

        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_current is not null && !IsDue())
            {
                return _current;
            }

            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    /// <summary>
    /// Fetches the document again because <paramref name="seen"/> lacked a signing key; returns the cached one
    /// when another caller already refreshed since, or when the last forced refresh was too recent.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration seen, CancellationToken cancellationToken)
    {
        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is not null && !ReferenceEquals(_current, seen))
            {
                return _current;
            }

            var now = _timeProvider.GetUtcNow();
            if (_current is not null && _lastForcedRefresh is { } last && now - last < ForcedRefreshMinimumInterval)
            {
                _logger.MetadataRefreshThrottled(_address);
                return _current;
            }

            _lastForcedRefresh = now;
            _logger.MetadataRefreshForced(_address);
            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    public void Dispose() => _fetchLock.Dispose();

    private bool IsDue() => _timeProvider.GetUtcNow().UtcTicks >= Volatile.Read(ref _nextRefreshTicks);

    private void ScheduleRefresh(TimeSpan after) =>
        Volatile.Write(ref _nextRefreshTicks, (_timeProvider.GetUtcNow() + after).UtcTicks);

    private async Task<OpenIdConnectConfiguration> FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await OpenIdConnectConfigurationRetriever
                .GetAsync(_address, _documentRetriever, cancellationToken)
                .ConfigureAwait(false);
            ScheduleRefresh(AutomaticRefreshInterval);
            _current = configuration;
            _logger.MetadataLoaded(_address, configuration.SigningKeys.Count);
            return configuration;
        }
        catch (Exception ex) when (_current is not null && ex is not OperationCanceledException)
        {
            // Stale keys are better than none: the Connector signs with long-lived keys.
            ScheduleRefresh(RetryAfterFailure);
            _logger.MetadataRefreshFailed(_address, ex);
            return _current;
        }
    }
}
