using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>An RSA key made for one test, published in a fake JWKS and used to sign test tokens.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    /// <param name="keyId">The JWK <c>kid</c> and the token header's <c>kid</c>.</param>
    /// <param name="endorsements">The JWK's <c>endorsements</c> array; null leaves the member out.</param>
    public TestSigningKey(string keyId, string[]? endorsements = null)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public string[]? Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The public half as a JWK, the way login.botframework.com publishes its keys.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
