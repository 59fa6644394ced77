using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Service URLs the Connector token may be sent to: the configured ones, plus each one an authenticated activity
/// came from. Persisting service URLs only from authenticated activities is the trust anchor (PROTOCOLS §3.6).
/// </summary>
/// <remarks>
/// Call <see cref="Trust"/> after an activity was authenticated, and again for service URLs read back from
/// storage after a restart (they were stored from authenticated activities), before posting proactively.
/// </remarks>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<ServiceUrlPrefix, byte> prefixes = new();
    private readonly ILogger logger;

    public TrustedServiceUrls(IEnumerable<string> configuredServiceUrls, ILogger<TrustedServiceUrls>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(configuredServiceUrls);
        this.logger = logger ?? NullLogger<TrustedServiceUrls>.Instance;
        foreach (var serviceUrl in configuredServiceUrls)
        {
            Trust(serviceUrl);
        }
    }

    public TrustedServiceUrls()
        : this([])
    {
    }

    /// <summary>Trusts <paramref name="serviceUrl"/> and every URL under its path.</summary>
    /// <exception cref="ArgumentException">The value is not an absolute http or https URL.</exception>
    public void Trust(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!ServiceUrlPrefix.TryParse(serviceUrl, out var prefix))
        {
            throw new ArgumentException("A service URL must be an absolute http or https URL without user info.", nameof(serviceUrl));
        }

        if (prefixes.TryAdd(prefix, 0))
        {
            logger.ServiceUrlTrusted(prefix);
        }
    }

    /// <summary>True when <paramref name="requestUri"/> lies under a trusted service URL.</summary>
    public bool IsTrusted(Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        foreach (var prefix in prefixes.Keys)
        {
            if (prefix.Matches(requestUri))
            {
                return true;
            }
        }

        return false;
    }
}
