namespace PlanBot.BotFramework.Authentication;

/// <summary>Issuers accepted on the Emulator/Entra path (PROTOCOLS §3.2, §3.3).</summary>
internal static class TrustedIssuers
{
    // Public-cloud tenants whose tokens the Emulator and Entra-issued channel traffic use:
    // d6d49420… and f8cdef31… (Bot Framework Emulator), 69e9b82d… (M365 Agents SDK quickstart).
    private static readonly string[] KnownTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public static IReadOnlyList<string> ForEntra(string? tenantId)
    {
        var tenants = new List<string>(KnownTenants);
        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            tenants.Add(tenantId.Trim());
        }

        var issuers = new List<string>(tenants.Count * 2);
        foreach (var tenant in tenants)
        {
            issuers.Add($"https://sts.windows.net/{tenant}/");
            issuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");
        }

        return issuers;
    }
}
