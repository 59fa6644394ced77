using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PlanBot.Gates.GitHub;

/// <summary>
/// Installation access tokens of the PlanBot GitHub App, as GitHub documents it ("Authenticating as a
/// GitHub App installation"): a JSON Web Token signed RS256 with the app's private key (<c>iat</c> a
/// minute back for clock drift, <c>exp</c> within ten minutes, <c>iss</c> the app) buys a token with
/// <c>POST /app/installations/{id}/access_tokens</c>. Each token is kept until five minutes before
/// GitHub says it expires, then bought again; one refused is forgotten at once.
/// </summary>
internal sealed class GitHubAppTokens : IDisposable
{
    /// <summary>The named HTTP client every call to GitHub goes through.</summary>
    public const string Client = "GitHub";

    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory clients;
    private readonly GitHubOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<GitHubAppTokens> logger;
    private readonly RSA key = RSA.Create();
    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly ConcurrentDictionary<long, (string Token, DateTimeOffset ExpiresAt)> tokens = new();
    private readonly SemaphoreSlim buying = new(1, 1);

    public GitHubAppTokens(IHttpClientFactory clients, IOptions<GitHubOptions> options, TimeProvider time, ILogger<GitHubAppTokens> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.clients = clients;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        key.ImportFromPem(this.options.PrivateKey);
    }

    /// <summary>A token for <paramref name="installationId"/>, or null when GitHub refused one (with the status).</summary>
    public async Task<(string? Token, int Status)> GetAsync(long installationId, CancellationToken cancellationToken)
    {
        if (Cached(installationId) is { } cached)
        {
            return (cached, 200);
        }

        await buying.WaitAsync(cancellationToken);
        try
        {
            if (Cached(installationId) is { } bought)
            {
                return (bought, 200);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ApiBase(options), $"app/installations/{installationId}/access_tokens"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AppToken());
            using var response = await clients.CreateClient(Client).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.InstallationTokenRefused(installationId, (int)response.StatusCode);
                return (null, (int)response.StatusCode);
            }

            var token = await response.Content.ReadFromJsonAsync(GatesJsonContext.Default.InstallationToken, cancellationToken);
            if (token?.Token is not { Length: > 0 } value)
            {
                return (null, (int)response.StatusCode);
            }

            var expires = token.ExpiresAt ?? time.GetUtcNow().AddMinutes(10);
            tokens[installationId] = (value, expires);
            logger.InstallationToken(installationId, expires);
            return (value, 200);
        }
        finally
        {
            buying.Release();
        }
    }

    /// <summary>Drops a token GitHub refused, so the next call buys a fresh one.</summary>
    public void Forget(long installationId) => tokens.TryRemove(installationId, out _);

    /// <summary>The app's own token, signed with its private key; good for ten minutes at most.</summary>
    public string AppToken()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.AppId,
            IssuedAt = now.AddSeconds(-60),
            Expires = now.AddMinutes(9),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key), SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        key.Dispose();
        buying.Dispose();
    }

    /// <summary>The API's base address, ending in a slash so relative paths keep its path (<c>/api/v3/</c> on GitHub Enterprise Server).</summary>
    internal static Uri ApiBase(GitHubOptions options) =>
        new(options.ApiBaseUrl.EndsWith('/') ? options.ApiBaseUrl : options.ApiBaseUrl + "/", UriKind.Absolute);

    private string? Cached(long installationId) =>
        tokens.TryGetValue(installationId, out var cached) && cached.ExpiresAt - Margin > time.GetUtcNow() ? cached.Token : null;
}
