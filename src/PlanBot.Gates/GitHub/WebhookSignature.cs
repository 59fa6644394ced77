using System.Security.Cryptography;
using System.Text;

namespace PlanBot.Gates.GitHub;

/// <summary>
/// Checks <c>X-Hub-Signature-256</c> as GitHub documents it ("Validating webhook deliveries"):
/// <c>sha256=</c> and the hex HMAC-SHA256 of the raw body, keyed with the webhook secret (UTF-8),
/// compared in constant time.
/// </summary>
internal sealed class WebhookSignature(string secret)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(secret);

    public bool IsValid(ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal) || header.Length != "sha256=".Length + 64)
        {
            return false;
        }

        var given = new byte[32];
        if (Convert.FromHexString(header.AsSpan("sha256=".Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), given);
    }

    /// <summary>The header a delivery of <paramref name="body"/> carries; for the fakes and tests.</summary>
    public string Sign(ReadOnlySpan<byte> body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
}
