using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Teams;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary><c>AddBotFrameworkAuthentication</c> wired the way the host wires it, against loopback fakes.</summary>
public sealed class ServiceRegistrationTests
{
    private const string ConnectorClient = "connector";

    [Fact]
    public void Options_come_from_the_root_keys_and_the_authentication_section()
    {
        using var services = Build(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestIds.AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = TestIds.TenantId,
            ["BotFramework:Authentication:BotFrameworkOpenIdMetadataUrl"] = "https://bf.example/openid",
            ["BotFramework:Authentication:EntraOpenIdMetadataUrl"] = "https://entra.example/openid",
            ["BotFramework:Authentication:TrustedServiceUrls:0"] = "https://smba.trafficmanager.net/teams/",
        });

        var authentication = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        var identity = services.GetRequiredService<IOptions<BotIdentityOptions>>().Value;

        Assert.Equal(TestIds.AppId, authentication.MicrosoftAppId);
        Assert.Equal(TestIds.TenantId, authentication.MicrosoftAppTenantId);
        Assert.Equal("https://bf.example/openid", authentication.BotFrameworkOpenIdMetadataUrl);
        Assert.Equal("https://entra.example/openid", authentication.EntraOpenIdMetadataUrl);
        Assert.Equal(BotAppType.SingleTenant, identity.ResolveAppType());
        Assert.Equal("secret", identity.MicrosoftAppPassword);
        Assert.NotNull(services.GetRequiredService<BotFrameworkAuthenticator>());
        Assert.True(services.GetRequiredService<TrustedServiceUrls>().IsTrusted(new Uri("https://smba.trafficmanager.net/teams/v3/conversations")));
    }

    [Fact]
    public void Start_up_validation_names_the_missing_key()
    {
        using var services = Build(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestIds.AppId,
            ["MicrosoftAppPassword"] = "secret",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connector_client_gets_a_token_from_msal_for_trusted_urls_only()
    {
        await using var tokenEndpoint = await FakeTokenEndpoint.StartAsync();
        var connector = new AuthorizationRecorder();
        using var services = Build(
            new()
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = TestIds.AppId,
                ["MicrosoftAppPassword"] = "secret",
                ["BotFramework:Authentication:AuthorityHost"] = tokenEndpoint.AuthorityHost,
            },
            s =>
            {
                s.AddHttpClient(BotFrameworkAuthenticationServiceCollectionExtensions.MsalHttpClientName)
                    .ConfigurePrimaryHttpMessageHandler(FakeTokenEndpoint.CreateTrustingHandler);
                s.AddHttpClient(ConnectorClient)
                    .AddConnectorAuthorization()
                    .ConfigurePrimaryHttpMessageHandler(() => connector);
            });
        services.GetRequiredService<IStartupValidator>().Validate();
        services.GetRequiredService<TrustedServiceUrls>().Trust(TestIds.AmerServiceUrl);
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient);

        await client.PostAsync(new Uri(TestIds.AmerServiceUrl + "v3/conversations/a%3A1/activities"), null);
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.PostAsync(new Uri(TestIds.EmeaServiceUrl + "v3/conversations"), null));

        Assert.Equal("Bearer connector-token-botframework.com-1", Assert.Single(connector.Received).Authorization);
        Assert.Single(tokenEndpoint.Requests);
    }

    [Fact]
    public async Task Development_mode_sends_no_token_and_has_no_token_to_give()
    {
        var connector = new AuthorizationRecorder();
        using var services = Build(
            new() { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = "" },
            s => s.AddHttpClient(ConnectorClient).AddConnectorAuthorization().ConfigurePrimaryHttpMessageHandler(() => connector));
        services.GetRequiredService<IStartupValidator>().Validate();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorClient);

        await client.PostAsync(new Uri("http://localhost:56150/_connector/v3/conversations"), null);

        Assert.Null(Assert.Single(connector.Received).Authorization);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.GetRequiredService<IConnectorTokenProvider>().GetTokenAsync(CancellationToken.None));
        var anonymous = await services.GetRequiredService<BotFrameworkAuthenticator>()
            .AuthenticateAsync(null, "msteams", "http://localhost:56150/_connector", CancellationToken.None);
        Assert.Equal(AuthenticationOutcome.Anonymous, anonymous.Outcome);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotFrameworkAuthentication(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
