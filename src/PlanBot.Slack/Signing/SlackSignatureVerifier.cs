using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PlanBot.Slack.Signing;

/// <summary>
/// Slack's request signing (PROTOCOLS.md 7.1): <c>v0=</c> + lower-case hex of HMAC-SHA256 over
/// <c>v0:{timestamp}:{raw body}</c>, keyed with the signing secret's UTF-8 bytes; compared in
/// constant time; the timestamp must lie within five minutes of now, either way.
/// </summary>
public sealed class SlackSignatureVerifier
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[] key;
    private readonly TimeProvider time;

    public SlackSignatureVerifier(string signingSecret, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        ArgumentNullException.ThrowIfNull(time);
        key = Encoding.UTF8.GetBytes(signingSecret);
        this.time = time;
    }

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return new SignatureCheck(SignatureStatus.Missing, "The request is not signed (X-Slack-Signature and X-Slack-Request-Timestamp are required).");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || timestamp.Length > 12)
        {
            return new SignatureCheck(SignatureStatus.Malformed, "X-Slack-Request-Timestamp is not a Unix time in seconds.");
        }

        if (seconds > MaxUnixSeconds)
        {
            // Past the year 9999 no date exists to compare with; it is far ahead all the same.
            return new SignatureCheck(SignatureStatus.Future, "The request is dated more than five minutes ahead.");
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > Window)
        {
            return new SignatureCheck(SignatureStatus.Stale, "The request is more than five minutes old.");
        }

        if (age < -Window)
        {
            return new SignatureCheck(SignatureStatus.Future, "The request is dated more than five minutes ahead.");
        }

        var expected = Encoding.ASCII.GetBytes(Compute(key, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? SignatureCheck.Valid
            : new SignatureCheck(SignatureStatus.Mismatch, "The signature does not match the request.");
    }

    /// <summary>The signature Slack sends for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(timestamp);
        return Compute(Encoding.UTF8.GetBytes(signingSecret), timestamp, body);
    }

    private static string Compute(byte[] key, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.ASCII.GetBytes($"v0:{timestamp}:"));
        hmac.AppendData(body);
        return "v0=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
