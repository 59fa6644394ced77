using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Export;

/// <summary>
/// Signs and checks export links: an HMAC-SHA256 over tenant, plan and expiry, so a link opens
/// one plan of one tenant for 15 minutes and nothing else.
/// </summary>
public sealed class ExportLinks : IExportLinks
{
    private readonly byte[] key;
    private readonly Uri baseUrl;
    private readonly TimeProvider time;

    public ExportLinks(IOptions<ExportOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        key = string.IsNullOrWhiteSpace(settings.SigningKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(settings.SigningKey);
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
        var query = $"tenant={Uri.EscapeDataString(tenantId)}&expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={Sign(tenantId, planId, expires)}";
        var document = format == ExportFormat.Word ? "/" + ExportEndpoint.WordPath : string.Empty;
        return new Uri(baseUrl, $"api/plans/{Uri.EscapeDataString(planId)}/export{document}?{query}");
    }

    /// <summary>Null when the link is good; otherwise why it is refused.</summary>
    public string? Check(string tenantId, string planId, long expires, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(tenantId, planId, expires));
        var given = Encoding.ASCII.GetBytes(signature ?? string.Empty);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return "The link's signature does not match this plan.";
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > expires ? "The link has expired; type `export` again for a new one." : null;
    }

    private string Sign(string tenantId, string planId, long expires)
    {
        var message = Encoding.UTF8.GetBytes($"{tenantId}\n{planId}\n{expires.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, message));
    }
}
