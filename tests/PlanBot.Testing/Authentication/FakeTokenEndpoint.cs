using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Identity.Client;
using PlanBot.Testing.Hosting;

namespace PlanBot.Testing.Authentication;

/// <summary>
/// Stands in for login.microsoftonline.com (client-credentials token endpoint) and for an App Service managed
/// identity endpoint, over loopback https: MSAL refuses authorities that are not https.
/// </summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    private static readonly Lazy<X509Certificate2> Certificate = new(CreateCertificate);

    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private LoopbackServer server = null!;
    private int issued;

    private FakeTokenEndpoint()
    {
    }

    public IReadOnlyCollection<RecordedRequest> Requests => requests;

    /// <summary>While true the token endpoint answers as Entra does to a wrong secret.</summary>
    public bool RejectClient { get; set; }

    /// <summary>Scheme, host and port: what <c>AuthorityHost</c> is set to.</summary>
    public string AuthorityHost => server.BaseAddress.GetLeftPart(UriPartial.Authority);

    public string ManagedIdentityEndpoint => server.Url("/msi/token");

    /// <summary>An MSAL HTTP client factory that trusts this endpoint's self-signed certificate and nothing else.</summary>
    public IMsalHttpClientFactory MsalHttpClientFactory { get; } = new PinnedCertificateClientFactory();

    public static async Task<FakeTokenEndpoint> StartAsync()
    {
        var fake = new FakeTokenEndpoint();
        fake.server = await LoopbackServer.StartAsync(fake.Map, Certificate.Value);
        return fake;
    }

    /// <summary>A primary handler for <c>IHttpClientFactory</c> clients that trusts only this endpoint's certificate.</summary>
    public static SocketsHttpHandler CreateTrustingHandler() => new()
    {
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null
                && certificate.GetCertHashString(HashAlgorithmName.SHA256) == Certificate.Value.GetCertHashString(HashAlgorithmName.SHA256),
        },
    };

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            requests.Enqueue(new RecordedRequest("POST", context.Request.Path, context.Request.QueryString.Value ?? "", body, null));
            if (RejectClient)
            {
                return Results.Json(
                    new Dictionary<string, object>
                    {
                        ["error"] = "invalid_client",
                        ["error_description"] = "AADSTS7000215: Invalid client secret provided.",
                        ["error_codes"] = new[] { 7000215 },
                    },
                    statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = $"connector-token-{tenant}-{Interlocked.Increment(ref issued)}",
            });
        });

        app.MapGet("/msi/token", (HttpContext context) =>
        {
            requests.Enqueue(new RecordedRequest(
                "GET", context.Request.Path, context.Request.QueryString.Value ?? "", "", context.Request.Headers["X-IDENTITY-HEADER"].ToString()));
            return Results.Text(
                JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["access_token"] = $"msi-token-{Interlocked.Increment(ref issued)}",
                    ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["resource"] = "https://api.botframework.com",
                    ["token_type"] = "Bearer",
                }),
                "application/json");
        });
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // A round trip through PKCS#12 gives Kestrel a certificate whose private key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), password: null);
    }

    public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? IdentityHeader);

    private sealed class PinnedCertificateClientFactory : IMsalHttpClientFactory
    {
        // MSAL expects one long-lived client; the certificate is shared by every endpoint of the run, so is this.
        private static readonly HttpClient Client = new(CreateTrustingHandler());

        public HttpClient GetHttpClient() => Client;
    }
}
