using PlanBot.Domain.Answers;

namespace PlanBot.Testing.Authentication;

/// <summary>What Teams hands a tab for single sign-on: an Entra v2.0 access token for the tab's app, naming tenant and user.</summary>
public static class TabTokens
{
    public const string Host = "planbot.contoso.test";
    public const string TenantA = "4a5b6c7d-8e9f-4012-a345-6789abcdef01";
    public const string TenantB = "0f1e2d3c-4b5a-4697-8877-665544332211";

    public static string Audience => $"api://{Host}/{TestIds.AppId}";

    /// <summary>The host settings that make the tab accept these tokens from <paramref name="openId"/>.</summary>
    public static Dictionary<string, string?> Settings(FakeOpenIdServer openId)
    {
        ArgumentNullException.ThrowIfNull(openId);
        return new()
        {
            ["Tab:AppId"] = TestIds.AppId,
            ["Tab:Host"] = Host,
            ["Tab:OpenIdMetadataUrl"] = openId.EntraMetadataUrl,
            ["Tab:RequireHttpsMetadata"] = "false",
        };
    }

    public static Dictionary<string, object> Claims(string tenant, PersonRef person, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new()
        {
            ["iss"] = $"https://login.microsoftonline.com/{tenant}/v2.0",
            ["aud"] = Audience,
            ["ver"] = "2.0",
            ["tid"] = tenant,
            ["oid"] = person.AadObjectId ?? throw new ArgumentException("The person needs an Entra object id.", nameof(person)),
            ["name"] = person.Name,
            ["preferred_username"] = person.Upn ?? person.Name,
            ["scp"] = "access_as_user",
            ["nbf"] = (now - TimeSpan.FromSeconds(60)).ToUnixTimeSeconds(),
            ["iat"] = (now - TimeSpan.FromSeconds(60)).ToUnixTimeSeconds(),
            ["exp"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
        };
    }

    /// <summary>A token signed with <paramref name="key"/> (published as one of Entra's keys in the tests that accept it).</summary>
    public static string For(TestSigningKey key, string tenant, PersonRef person) =>
        TestTokens.Sign((key ?? throw new ArgumentNullException(nameof(key))).Credentials(), Claims(tenant, person, DateTimeOffset.UtcNow));
}
