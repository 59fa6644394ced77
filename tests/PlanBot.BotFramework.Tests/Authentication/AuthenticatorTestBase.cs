using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>
/// A fresh fake metadata server, fake clock and authenticator for each test. The Bot Connector key is endorsed
/// for msteams, as the real ones are.
/// </summary>
public abstract class AuthenticatorTestBase : IAsyncLifetime, IDisposable
{
    private BotFrameworkAuthenticator? authenticator;

    internal FakeOpenIdServer Server { get; private set; } = null!;

    internal FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    internal RecordingLogger<BotFrameworkAuthenticator> Logger { get; } = new();

    internal TestSigningKey BotFrameworkKey { get; } = new("bf-key-1", [TestIds.Teams, "skype"]);

    internal TestSigningKey EntraKey { get; } = new("entra-key-1", material: 1);

    internal DateTimeOffset Now => Time.GetUtcNow();

    internal BotFrameworkAuthenticator Authenticator => authenticator ??= CreateAuthenticator(Server.Options());

    public async Task InitializeAsync()
    {
        Server = await FakeOpenIdServer.StartAsync();
        Server.BotFrameworkKeys = [BotFrameworkKey];
        Server.EntraKeys = [EntraKey];
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose()
    {
        authenticator?.Dispose();
        GC.SuppressFinalize(this);
    }

    internal BotFrameworkAuthenticator CreateAuthenticator(BotAuthenticationOptions options)
    {
        authenticator?.Dispose();
        authenticator = new BotFrameworkAuthenticator(Options.Create(options), Time, Logger);
        return authenticator;
    }

    internal Task<AuthenticationResult> AuthenticateAsync(
        string? authorizationHeader,
        string channelId = TestIds.Teams,
        string serviceUrl = TestIds.AmerServiceUrl) =>
        Authenticator.AuthenticateAsync(authorizationHeader, channelId, serviceUrl, CancellationToken.None);

    internal Task<AuthenticationResult> AuthenticateTokenAsync(
        string token,
        string channelId = TestIds.Teams,
        string serviceUrl = TestIds.AmerServiceUrl) =>
        AuthenticateAsync("Bearer " + token, channelId, serviceUrl);

    internal string BotConnectorToken(Func<Dictionary<string, object>, Dictionary<string, object>>? edit = null, TestSigningKey? key = null)
    {
        var claims = TestTokens.BotConnectorClaims(Now);
        return TestTokens.Sign((key ?? BotFrameworkKey).Credentials(), edit is null ? claims : edit(claims));
    }
}
