using System.Security.Cryptography;
using System.Text;
using PlanBot.Conversations.State;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Gates;

/// <summary>
/// Gate keys: <c>pbg_&lt;tenant&gt;.&lt;secret&gt;</c>, the tenant id and 32 random bytes in base64url,
/// split by a dot, which base64url never holds (its <c>_</c> and <c>-</c> do turn up in both halves).
/// The key names its tenant, so a request loads one tenant's settings and compares there; only the
/// SHA-256 of the whole key is kept, and it is compared in constant time.
/// </summary>
public static class GateKeys
{
    /// <summary>Live keys a tenant may hold at once: the one in use and its replacement while pipelines move over.</summary>
    public const int MaxLive = 2;

    private const string Prefix = "pbg_";

    private const char Separator = '.';

    /// <summary>A new key for <paramref name="tenantId"/>: what is stored, and the key to show once.</summary>
    public static (GateKey Stored, string Key) Create(string tenantId, PersonRef by, DateTimeOffset now, string? activity = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(by);
        var key = $"{Prefix}{Base64Url(Encoding.UTF8.GetBytes(tenantId))}{Separator}{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        // The id shows in `gate keys` and names the key to revoke; a short prefix of the hash gives nothing of the key away.
        var id = "k" + Convert.ToHexStringLower(hash)[..7];
        return (new GateKey(id, Convert.ToBase64String(hash), by, now, activity), key);
    }

    /// <summary>The tenant a key names, or null when it is not shaped like a gate key.</summary>
    public static string? TenantOf(string? key)
    {
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 512)
        {
            return null;
        }

        var parts = key[Prefix.Length..].Split(Separator);
        if (parts.Length != 2 || parts[1].Length != 43)
        {
            return null;
        }

        try
        {
            var tenant = Encoding.UTF8.GetString(FromBase64Url(parts[0]));
            return tenant.Length == 0 ? null : tenant;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The tenant's live key that <paramref name="key"/> is, or null. Every stored key is compared, in constant time.</summary>
    public static GateKey? Match(TenantDocument tenant, string key)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        GateKey? found = null;
        foreach (var stored in tenant.GateKeys ?? [])
        {
            var expected = new byte[32];
            if (Convert.TryFromBase64String(stored.Hash, expected, out var length) && length == 32 && CryptographicOperations.FixedTimeEquals(expected, hash))
            {
                found = stored;
            }
        }

        return found;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
