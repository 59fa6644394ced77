using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>Tests that set process-wide environment variables run alone.</summary>
    public const string Name = "Process environment";
}

/// <summary>User-assigned managed identity, through the App Service identity endpoint MSAL finds in the environment.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ManagedIdentityTokenTests
{
    [Fact]
    public async Task User_assigned_identity_asks_for_the_connector_resource_with_its_client_id()
    {
        await using var endpoint = await FakeTokenEndpoint.StartAsync();
        var previousEndpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
        var previousHeader = Environment.GetEnvironmentVariable("IDENTITY_HEADER");
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", endpoint.ManagedIdentityEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "identity-header-value");
        try
        {
            var options = new BotIdentityOptions
            {
                MicrosoftAppType = "UserAssignedMSI",
                MicrosoftAppId = TestIds.AppId,
                MicrosoftAppTenantId = TestIds.TenantId,
            };
            var provider = new MsalConnectorTokenProvider(
                Options.Create(options), endpoint.MsalHttpClientFactory, new RecordingLogger<MsalConnectorTokenProvider>());

            var token = await provider.GetTokenAsync(CancellationToken.None);
            var again = await provider.GetTokenAsync(CancellationToken.None);

            Assert.Equal("msi-token-1", token);
            Assert.Equal(token, again);
            var request = Assert.Single(endpoint.Requests);
            Assert.Equal("GET", request.Method);
            Assert.Equal("identity-header-value", request.IdentityHeader);
            var query = QueryHelpers.ParseQuery(request.Query);
            Assert.Equal("https://api.botframework.com", query["resource"].ToString());
            Assert.Equal(TestIds.AppId, query["client_id"].ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", previousEndpoint);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", previousHeader);
        }
    }
}
