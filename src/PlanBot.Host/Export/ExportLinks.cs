using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Export;

/// <summary>
/// Signs and checks export links: an HMAC-SHA256 over tenant, plan and expiry, so a link opens
/// one plan of one tenant for 15 minutes and nothing else. Links are signed with the current key
/// and accepted with it or the previous one, so a key can be rotated without breaking open links.
/// </summary>
public sealed class ExportLinks : IExportLinks
{
    /// <summary>How far apart two instances' clocks may be when one checks a link the other made.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private readonly byte[] key;
    private readonly byte[]? previousKey;
    private readonly Uri baseUrl;
    private readonly TimeProvider time;

    public ExportLinks(IOptions<ExportOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        key = string.IsNullOrWhiteSpace(settings.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(settings.SigningKey);
        previousKey = string.IsNullOrWhiteSpace(settings.PreviousSigningKey) ? null : Convert.FromBase64String(settings.PreviousSigningKey);
        var root = settings.PublicBaseUrl.EndsWith('/') ? settings.PublicBaseUrl : settings.PublicBaseUrl + "/";
        baseUrl = new Uri(root, UriKind.Absolute);
        this.time = time;
    }

    /// <summary>
    /// A link to the plan in <paramref name="format"/>. The signature covers tenant, plan and expiry,
    /// not the format: whoever may read the plan may read it in either document.
    /// </summary>
    public Uri Create(string tenantId, string planId, ExportFormat format = ExportFormat.Markdown)
    {
        var expires = time.GetUtcNow().Add(PlanEngine.ExportLinkLifetime).ToUnixTimeSeconds();
        var query = $"tenant={Uri.EscapeDataString(tenantId)}&expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={Sign(key, tenantId, planId, expires)}";
        var document = format == ExportFormat.Word ? "/" + ExportEndpoint.WordPath : string.Empty;
        return new Uri(baseUrl, $"api/plans/{Uri.EscapeDataString(planId)}/export{document}?{query}");
    }

    /// <summary>Null when the link is good; otherwise why it is refused.</summary>
    public string? Check(string tenantId, string planId, long expires, string signature)
    {
        var given = Encoding.ASCII.GetBytes(signature ?? string.Empty);
        if (!Matches(key, given) && !(previousKey is not null && Matches(previousKey, given)))
        {
            return "The link's signature does not match this plan.";
        }

        var now = time.GetUtcNow();
        if (expires > now.Add(PlanEngine.ExportLinkLifetime + ClockSkew).ToUnixTimeSeconds())
        {
            // No link is made to live longer: one that claims to was not made by this service as it is now.
            return "The link's expiry lies further ahead than any link lives; type `export` for a new one.";
        }

        return now.ToUnixTimeSeconds() > expires ? "The link has expired; type `export` again for a new one." : null;

        bool Matches(byte[] with, byte[] signed) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(with, tenantId, planId, expires)), signed);
    }

    private static string Sign(byte[] key, string tenantId, string planId, long expires)
    {
        var message = Encoding.UTF8.GetBytes($"{tenantId}\n{planId}\n{expires.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }
}
