using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Hosting;

namespace PlanBot.Testing.Authentication;

/// <summary>
/// Serves two OpenID metadata documents and their JWKS over loopback http: one standing in for
/// login.botframework.com, one for Entra's common v2.0 endpoint. The published keys can be swapped mid-test.
/// </summary>
public sealed class FakeOpenIdServer : IAsyncDisposable
{
    private LoopbackServer server = null!;
    private int botFrameworkMetadataRequests;
    private int entraMetadataRequests;

    private FakeOpenIdServer()
    {
    }

    public IReadOnlyList<TestSigningKey> BotFrameworkKeys { get; set; } = [];

    public IReadOnlyList<TestSigningKey> EntraKeys { get; set; } = [];

    /// <summary>While true every request answers 500, as a metadata host in trouble would.</summary>
    public bool Failing { get; set; }

    public int BotFrameworkMetadataRequests => Volatile.Read(ref botFrameworkMetadataRequests);

    public int EntraMetadataRequests => Volatile.Read(ref entraMetadataRequests);

    public string BotFrameworkMetadataUrl => server.Url("/botframework/v1/.well-known/openidconfiguration");

    public string EntraMetadataUrl => server.Url("/entra/v2.0/.well-known/openid-configuration");

    public static async Task<FakeOpenIdServer> StartAsync()
    {
        var fake = new FakeOpenIdServer();
        fake.server = await LoopbackServer.StartAsync(fake.Map);
        return fake;
    }

    /// <summary>Options pointing at this server, with plain http allowed for the loopback documents.</summary>
    public BotAuthenticationOptions Options(string? appId = TestIds.AppId, string? tenantId = null) => new()
    {
        MicrosoftAppId = appId,
        MicrosoftAppTenantId = tenantId,
        BotFrameworkOpenIdMetadataUrl = BotFrameworkMetadataUrl,
        EntraOpenIdMetadataUrl = EntraMetadataUrl,
        RequireHttpsMetadata = false,
    };

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Failing)
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            await next(context);
        });

        app.MapGet("/botframework/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref botFrameworkMetadataRequests);
            return Results.Json(Metadata(BotFrameworkConstants.BotConnectorIssuer, "/botframework/v1/.well-known/keys"));
        });
        app.MapGet("/botframework/v1/.well-known/keys", () => Results.Json(Jwks(BotFrameworkKeys)));

        app.MapGet("/entra/v2.0/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref entraMetadataRequests);
            return Results.Json(Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "/entra/discovery/v2.0/keys"));
        });
        app.MapGet("/entra/discovery/v2.0/keys", () => Results.Json(Jwks(EntraKeys)));
    }

    private Dictionary<string, object> Metadata(string issuer, string jwksPath) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = server.Url("/authorize"),
        ["jwks_uri"] = server.Url(jwksPath),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
    };

    private static Dictionary<string, object> Jwks(IReadOnlyList<TestSigningKey> keys) => new()
    {
        ["keys"] = keys.Select(k => k.ToJwk()).ToArray(),
    };
}
