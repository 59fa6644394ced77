using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PlanBot.BotFramework.Authentication;

namespace PlanBot.Testing.Authentication;

/// <summary>Mints signed JWTs with exactly the claims a test names.</summary>
public static class TestTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string Sign(SigningCredentials credentials, IDictionary<string, object> claims) =>
        Handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = credentials });

    /// <summary>PROTOCOLS §3 test vector 1: what the Bot Connector sends for a Teams activity from AMER.</summary>
    public static Dictionary<string, object> BotConnectorClaims(DateTimeOffset now) => new()
    {
        ["iss"] = BotFrameworkConstants.BotConnectorIssuer,
        ["aud"] = TestIds.AppId,
        ["serviceurl"] = TestIds.AmerServiceUrl,
        ["nbf"] = (now - TimeSpan.FromSeconds(60)).ToUnixTimeSeconds(),
        ["exp"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
    };

    /// <summary>PROTOCOLS §3 test vector 7: a v1 Emulator token.</summary>
    public static Dictionary<string, object> EmulatorV1Claims(DateTimeOffset now) => new()
    {
        ["iss"] = TestIds.EmulatorTenantV1Issuer,
        ["aud"] = TestIds.AppId,
        ["ver"] = "1.0",
        ["appid"] = TestIds.AppId,
        ["tid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db",
        ["nbf"] = (now - TimeSpan.FromSeconds(60)).ToUnixTimeSeconds(),
        ["exp"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
    };

    public static Dictionary<string, object> EmulatorV2Claims(DateTimeOffset now) => new()
    {
        ["iss"] = TestIds.EmulatorTenantV2Issuer,
        ["aud"] = TestIds.AppId,
        ["ver"] = "2.0",
        ["azp"] = TestIds.AppId,
        ["tid"] = "d6d49420-f39b-4df7-a1dc-d59a935871db",
        ["nbf"] = (now - TimeSpan.FromSeconds(60)).ToUnixTimeSeconds(),
        ["exp"] = (now + TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
    };

    public static Dictionary<string, object> With(this Dictionary<string, object> claims, string name, object value)
    {
        claims[name] = value;
        return claims;
    }

    public static Dictionary<string, object> Without(this Dictionary<string, object> claims, string name)
    {
        claims.Remove(name);
        return claims;
    }
}
