using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// The channels a Bot Connector signing key is endorsed for: the non-standard <c>endorsements</c> array on
/// each key of its JWKS.
/// </summary>
internal static class SigningKeyEndorsements
{
    private const string MemberName = "endorsements";

    /// <summary>
    /// The channel ids the key endorses; null when the key has no endorsements member (the check is then skipped,
    /// as in the Bot Framework SDK). A member that is not an array of strings endorses nothing.
    /// </summary>
    public static IReadOnlyList<string>? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(MemberName, out var value) || value is null)
        {
            return null;
        }

        return Read(value);
    }

    /// <summary>Empty channel ids pass: such an activity claims no channel to be endorsed for (SDK behaviour).</summary>
    public static bool Endorses(IReadOnlyList<string> endorsements, string channelId) =>
        string.IsNullOrEmpty(channelId) || endorsements.Contains(channelId, StringComparer.Ordinal);

    // Microsoft.IdentityModel 8.x keeps unknown JWK members as JsonElement; older versions used lists.
    private static IReadOnlyList<string> Read(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!)
            .ToArray(),
        IEnumerable<string> strings => strings.ToArray(),
        System.Collections.IEnumerable items and not string => items.OfType<string>().ToArray(),
        _ => [],
    };
}
