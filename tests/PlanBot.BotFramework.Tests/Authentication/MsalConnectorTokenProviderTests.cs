using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.5–3.6 and test vector 9: the token the bot sends to the Connector.</summary>
public sealed class MsalConnectorTokenProviderTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t~with+odd/chars=";

    private FakeTokenEndpoint endpoint = null!;

    public async Task InitializeAsync() => endpoint = await FakeTokenEndpoint.StartAsync();

    public async Task DisposeAsync() => await endpoint.DisposeAsync();

    [Fact]
    public async Task Multi_tenant_bot_posts_client_credentials_to_the_botframework_tenant()
    {
        var provider = CreateProvider(new BotIdentityOptions { MicrosoftAppType = "MultiTenant" });

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token-botframework.com-1", token);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        AssertClientCredentialsForm(request.Body);
    }

    [Fact]
    public async Task Single_tenant_bot_posts_client_credentials_to_its_own_tenant()
    {
        var provider = CreateProvider(new BotIdentityOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppTenantId = TestIds.TenantId });

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal($"connector-token-{TestIds.TenantId}-1", token);
        var request = Assert.Single(endpoint.Requests);
        Assert.Equal($"/{TestIds.TenantId}/oauth2/v2.0/token", request.Path);
        AssertClientCredentialsForm(request.Body);
    }

    [Fact]
    public async Task Empty_app_type_means_multi_tenant()
    {
        var provider = CreateProvider(new BotIdentityOptions { MicrosoftAppType = "" });

        await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(endpoint.Requests).Path);
    }

    [Fact]
    public async Task Token_is_served_from_msals_cache_until_it_nears_expiry()
    {
        var provider = CreateProvider(new BotIdentityOptions { MicrosoftAppType = "MultiTenant" });

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    public async Task Refused_credentials_surface_as_msal_errors_and_the_secret_stays_out_of_the_logs()
    {
        endpoint.RejectClient = true;
        var logger = new RecordingLogger<MsalConnectorTokenProvider>();
        var provider = CreateProvider(new BotIdentityOptions { MicrosoftAppType = "MultiTenant" }, logger);

        await Assert.ThrowsAnyAsync<MsalServiceException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains(logger.Entries, e => e.Contains("1131", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, logger.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(Secret), logger.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_refuses_to_exist_without_an_app_id()
    {
        var options = Options.Create(new BotIdentityOptions { MicrosoftAppType = "MultiTenant" });

        Assert.Throws<InvalidOperationException>(() => new MsalConnectorTokenProvider(options, null, new RecordingLogger<MsalConnectorTokenProvider>()));
    }

    [Fact]
    public void Provider_refuses_incomplete_settings_naming_the_key()
    {
        var options = Options.Create(new BotIdentityOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppId = TestIds.AppId, MicrosoftAppPassword = Secret });

        var error = Assert.Throws<InvalidOperationException>(() => new MsalConnectorTokenProvider(options, null, new RecordingLogger<MsalConnectorTokenProvider>()));

        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    private static void AssertClientCredentialsForm(string body)
    {
        // The scope exactly as PROTOCOLS §3.6 spells it on the wire.
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body, StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(body);
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal(TestIds.AppId, form["client_id"].ToString());
        Assert.Equal(Secret, form["client_secret"].ToString());
        Assert.Equal("https://api.botframework.com/.default", form["scope"].ToString());
    }

    private MsalConnectorTokenProvider CreateProvider(BotIdentityOptions options, RecordingLogger<MsalConnectorTokenProvider>? logger = null)
    {
        options.MicrosoftAppId = TestIds.AppId;
        options.MicrosoftAppPassword = Secret;
        options.AuthorityHost = endpoint.AuthorityHost;
        return new MsalConnectorTokenProvider(
            Options.Create(options), endpoint.MsalHttpClientFactory, logger ?? new RecordingLogger<MsalConnectorTokenProvider>());
    }
}
