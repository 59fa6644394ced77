using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>
/// What a production host talks to, on loopback: the Bot Framework's OpenID metadata and signing keys
/// (for inbound tokens), an Entra token endpoint (for the Connector token, with a client secret) and
/// Slack's Web API. Builds the settings of a host with an app id configured and Slack on.
/// </summary>
public sealed class AuthenticatedWorld : IAsyncDisposable
{
    public const string AppPassword = "Rel~AppPassword.7Qx9-client-secret-not-for-logs";

    private AuthenticatedWorld(FakeOpenIdServer openId, FakeTokenEndpoint tokens, FakeSlack slack)
    {
        OpenId = openId;
        Tokens = tokens;
        Slack = slack;
    }

    internal FakeOpenIdServer OpenId { get; }

    internal FakeTokenEndpoint Tokens { get; }

    public FakeSlack Slack { get; }

    /// <summary>The Bot Connector's signing key, endorsed for Teams as the real ones are.</summary>
    internal TestSigningKey ConnectorKey { get; } = new("bf-key-1", ["msteams", "skype"]);

    /// <summary>Every inbound token minted, to look for in the logs.</summary>
    public List<string> Minted { get; } = [];

    public static async Task<AuthenticatedWorld> StartAsync()
    {
        var world = new AuthenticatedWorld(await FakeOpenIdServer.StartAsync(), await FakeTokenEndpoint.StartAsync(), await FakeSlack.StartAsync());
        world.OpenId.BotFrameworkKeys = [world.ConnectorKey];
        world.OpenId.EntraKeys = [new TestSigningKey("entra-key-1", material: 1)];
        world.Slack.AddUser(SlackPayloads.Owner, "Alex Wilber");
        world.Slack.AddUser(SlackPayloads.Approver, "Megan Bowen");
        return world;
    }

    public Dictionary<string, string?> Settings()
    {
        var settings = SlackClient.Settings(Slack);
        settings["MicrosoftAppType"] = "MultiTenant";
        settings["MicrosoftAppId"] = TestIds.AppId;
        settings["MicrosoftAppPassword"] = AppPassword;
        settings["BotFramework:Authentication:BotFrameworkOpenIdMetadataUrl"] = OpenId.BotFrameworkMetadataUrl;
        settings["BotFramework:Authentication:EntraOpenIdMetadataUrl"] = OpenId.EntraMetadataUrl;
        settings["BotFramework:Authentication:RequireHttpsMetadata"] = "false";
        settings["BotFramework:Authentication:AuthorityHost"] = Tokens.AuthorityHost;
        return settings;
    }

    /// <summary>MSAL reaches the loopback token endpoint, trusting its certificate and nothing else.</summary>
    public static void Services(IServiceCollection services) =>
        services.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.MsalHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(FakeTokenEndpoint.CreateTrustingHandler);

    public ReliabilityHost Host(string databasePath, FaultyConnector connector) => new(databasePath, connector, Settings(), Services);

    /// <summary>A valid Bot Connector token for a Teams activity from <see cref="TeamsActivities.ServiceUrl"/>.</summary>
    internal string ConnectorToken(Func<Dictionary<string, object>, Dictionary<string, object>>? edit = null, TestSigningKey? key = null)
    {
        var claims = TestTokens.BotConnectorClaims(DateTimeOffset.UtcNow);
        var token = TestTokens.Sign((key ?? ConnectorKey).Credentials(), edit is null ? claims : edit(claims));
        lock (Minted)
        {
            Minted.Add(token);
        }

        return token;
    }

    public string Bearer() => "Bearer " + ConnectorToken();

    /// <summary>A token with <c>"alg":"none"</c> and no signature.</summary>
    public static string WithoutSignature() =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(TestTokens.BotConnectorClaims(DateTimeOffset.UtcNow))))}.";

    /// <summary>An HS256 token keyed with the app's own password: the classic algorithm confusion.</summary>
    public static string SignedWithThePassword() =>
        TestTokens.Sign(
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AppPassword.PadRight(64, 'x'))), SecurityAlgorithms.HmacSha256),
            TestTokens.BotConnectorClaims(DateTimeOffset.UtcNow));

    public async ValueTask DisposeAsync()
    {
        await OpenId.DisposeAsync();
        await Tokens.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
