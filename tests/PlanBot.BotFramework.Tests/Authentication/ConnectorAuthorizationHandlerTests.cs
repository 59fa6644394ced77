using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Teams;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.6: the Connector token goes to trusted service URLs and nowhere else.</summary>
public sealed class ConnectorAuthorizationHandlerTests : IDisposable
{
    private readonly CountingTokenProvider tokens = new();
    private readonly AuthorizationRecorder connector = new();
    private readonly TrustedServiceUrls trusted = new();
    private readonly RecordingLogger<ConnectorAuthorizationHandler> logger = new();
    private readonly HttpClient client;

    public ConnectorAuthorizationHandlerTests()
    {
        client = CreateClient(appId: TestIds.AppId);
        trusted.Trust(TestIds.AmerServiceUrl);
    }

    public void Dispose() => client.Dispose();

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities")]
    [InlineData("https://SMBA.TrafficManager.NET/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net:443/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/amer")]
    public async Task Request_under_a_trusted_service_url_carries_the_token(string url)
    {
        await client.PostAsync(new Uri(url), null);

        var (_, authorization) = Assert.Single(connector.Received);
        Assert.Equal("Bearer connector-token", authorization);
    }

    [Theory]
    [InlineData("https://evil.example/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/emea/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/americas/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer/../emea/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/AMER/v3/conversations")]
    [InlineData("http://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net@evil.example/amer/v3/conversations")]
    public async Task Request_anywhere_else_is_not_sent_and_no_token_is_fetched(string url)
    {
        var error = await Assert.ThrowsAsync<UntrustedServiceUrlException>(() => client.PostAsync(new Uri(url), null));

        Assert.Empty(connector.Received);
        Assert.Equal(0, tokens.Calls);
        Assert.Equal(new Uri(url), error.RequestUri);
        Assert.Contains(logger.Entries, e => e.Contains("1121", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_url_trusted_after_an_authenticated_activity_receives_the_token()
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(
            () => client.GetAsync(new Uri("https://smba.trafficmanager.net/emea/v3/conversations")));

        trusted.Trust(TestIds.EmeaServiceUrl);
        await client.GetAsync(new Uri("https://smba.trafficmanager.net/emea/v3/conversations"));

        Assert.Equal("Bearer connector-token", Assert.Single(connector.Received).Authorization);
    }

    [Fact]
    public async Task A_token_set_by_the_caller_is_replaced_not_forwarded()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://smba.trafficmanager.net/amer/v3/conversations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "stale");

        await client.SendAsync(request);

        Assert.Equal("Bearer connector-token", Assert.Single(connector.Received).Authorization);
    }

    [Fact]
    public async Task Without_an_app_id_no_token_is_sent_to_any_url()
    {
        using var devClient = CreateClient(appId: null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost:56150/_connector/v3/conversations");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "anything");

        await devClient.SendAsync(request);

        var (uri, authorization) = Assert.Single(connector.Received);
        Assert.Equal("localhost", uri.Host);
        Assert.Null(authorization);
        Assert.Equal(0, tokens.Calls);
    }

    private HttpClient CreateClient(string? appId)
    {
        var handler = new ConnectorAuthorizationHandler(
            tokens,
            trusted,
            Options.Create(new BotIdentityOptions { MicrosoftAppId = appId }),
            logger)
        {
            InnerHandler = connector,
        };
        return new HttpClient(handler, disposeHandler: false);
    }
}
