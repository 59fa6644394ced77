using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.Ports;

namespace PlanBot.Gates.Azure;

/// <summary>
/// Authenticates a gate request by its gate key: <c>Authorization: Bearer &lt;key&gt;</c>, or Basic with
/// the key as the password (what an Azure DevOps "Generic" service connection sends). The key names
/// its tenant; only that tenant's settings are read, and its live keys compared in constant time.
/// </summary>
internal sealed class GateKeyCheck(ITenantStore? tenants)
{
    /// <summary>The tenant the request's key belongs to, or null when it has none that is live.</summary>
    public async Task<string?> TenantAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = KeyOf(request.Headers.Authorization.ToString());
        if (tenants is null || GateKeys.TenantOf(key) is not { } tenantId)
        {
            return null;
        }

        var tenant = await tenants.GetTenantAsync(tenantId, cancellationToken);
        return tenant is not null && GateKeys.Match(tenant.Document, key!) is not null ? tenantId : null;
    }

    private static string? KeyOf(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is not { Length: > 0 } parameter)
        {
            return null;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return parameter;
        }

        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : credentials[(colon + 1)..];
    }
}
