using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.Testing.Authentication;

/// <summary>A signing key published in a fake JWKS and used to sign test tokens.</summary>
/// <remarks>
/// Keys are told apart by kid, which is all the authenticator looks up; the RSA material comes from a small
/// shared pool because generating a 2048-bit key per test dominated the run time. A test that needs a key with
/// the same kid but other material (an impostor) asks for another <c>material</c>.
/// </remarks>
public sealed class TestSigningKey
{
    private static readonly Lazy<RSA>[] Materials = [new(() => RSA.Create(2048)), new(() => RSA.Create(2048))];

    private readonly RSA rsa;

    /// <param name="keyId">The JWK <c>kid</c> and the token header's <c>kid</c>.</param>
    /// <param name="endorsements">The JWK's <c>endorsements</c> array; null leaves the member out.</param>
    /// <param name="material">Which pooled RSA key pair to use (0 or 1).</param>
    public TestSigningKey(string keyId, string[]? endorsements = null, int material = 0)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        rsa = Materials[material].Value;
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public string[]? Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(SecurityKey, algorithm);

    /// <summary>The public half as a JWK, the way login.botframework.com publishes its keys.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
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
}
