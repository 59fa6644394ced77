using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PlanBot.Testing.Hosting;

namespace PlanBot.Gates.Tests.Infrastructure;

/// <summary>A review GitHub took: the run, and the body PlanBot posted.</summary>
public sealed record PostedReview(string Repository, string Run, string Environment, string State, string Comment);

/// <summary>
/// GitHub's REST API on loopback over https, for the PlanBot GitHub App: installation tokens bought
/// with an app JWT (verified RS256 with the app's public key, issuer the app id, lifetime at most ten
/// minutes, not expired by the host's clock) and reviews of deployment protection rules posted with a
/// live installation token. Tokens last an hour by the clock the test controls.
/// </summary>
public sealed class FakeGitHub : IAsyncDisposable
{
    public const string AppId = "424242";

    private readonly RSA appKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, DateTimeOffset> liveTokens = new(StringComparer.Ordinal);
    private readonly Func<DateTimeOffset> now;
    private LoopbackServer server = null!;

    private FakeGitHub(Func<DateTimeOffset> now) => this.now = now;

    /// <summary>The app's private key, PEM, as GitHub hands it out.</summary>
    public string PrivateKeyPem => appKey.ExportRSAPrivateKeyPem();

    /// <summary>The certificate the fake serves, made for 127.0.0.1 for this run.</summary>
    public X509Certificate2 Certificate { get; } = MakeCertificate();

    public string ApiBaseUrl => server.Url("/");

    public ConcurrentQueue<PostedReview> Reviews { get; } = new();

    /// <summary>Installation tokens issued, by installation id, in order.</summary>
    public ConcurrentQueue<long> TokensIssued { get; } = new();

    /// <summary>Statuses to answer the next reviews with, instead of success.</summary>
    public ConcurrentQueue<int> ReviewFailures { get; } = new();

    /// <summary>Revokes every installation token issued so far, as GitHub does when an app's installation is reconfigured.</summary>
    public void RevokeTokens() => liveTokens.Clear();

    public string CallbackUrl(string repository, long run) => server.Url($"/repos/{repository}/actions/runs/{run}/deployment_protection_rule");

    public static async Task<FakeGitHub> StartAsync(Func<DateTimeOffset> now)
    {
        var fake = new FakeGitHub(now);
        fake.server = await LoopbackServer.StartAsync(fake.Map, fake.Certificate);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        appKey.Dispose();
        Certificate.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/app/installations/{id:long}/access_tokens", (long id, HttpRequest request) =>
        {
            if (!ValidAppJwt(request.Headers.Authorization.ToString()))
            {
                return Results.Json(new { message = "A JSON web token could not be decoded" }, statusCode: 401);
            }

            var token = "ghs_" + Guid.NewGuid().ToString("N");
            var expires = now().AddHours(1);
            liveTokens[token] = expires;
            TokensIssued.Enqueue(id);
            return Results.Json(new { token, expires_at = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) }, statusCode: 201);
        });

        app.MapPost("/repos/{owner}/{repo}/actions/runs/{run}/deployment_protection_rule", async (string owner, string repo, string run, HttpRequest request) =>
        {
            var header = request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : header.StartsWith("token ", StringComparison.Ordinal) ? header["token ".Length..] : string.Empty;
            if (!liveTokens.TryGetValue(token, out var expires) || expires <= now())
            {
                return Results.Json(new { message = "Bad credentials" }, statusCode: 401);
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            if (!root.TryGetProperty("environment_name", out var environment) || !root.TryGetProperty("state", out var state) || state.GetString() is not ("approved" or "rejected"))
            {
                return Results.Json(new { message = "Invalid request." }, statusCode: 422);
            }

            if (ReviewFailures.TryDequeue(out var status))
            {
                return Results.StatusCode(status);
            }

            var comment = root.TryGetProperty("comment", out var c) ? c.GetString() ?? string.Empty : string.Empty;
            Reviews.Enqueue(new PostedReview($"{owner}/{repo}", run, environment.GetString()!, state.GetString()!, comment));
            return Results.NoContent();
        });
    }

    private bool ValidAppJwt(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var handler = new JsonWebTokenHandler();
        var result = handler.ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = AppId,
            ValidateAudience = false,
            IssuerSigningKey = new RsaSecurityKey(appKey.ExportParameters(includePrivateParameters: false)),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp > now().UtcDateTime && exp - now().UtcDateTime <= TimeSpan.FromMinutes(10),
        }).GetAwaiter().GetResult();
        return result.IsValid && result.SecurityToken is JsonWebToken jwt && jwt.TryGetPayloadValue<long>("iat", out var iat)
            && DateTimeOffset.FromUnixTimeSeconds(iat) <= now();
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the key in a form it can use on every platform: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), password: null);
    }
}
