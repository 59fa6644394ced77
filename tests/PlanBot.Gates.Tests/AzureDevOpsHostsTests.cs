using Microsoft.Extensions.Configuration;
using PlanBot.Conversations.Gates;
using PlanBot.Gates.Azure;

namespace PlanBot.Gates.Tests;

/// <summary>Where a check's job access token may go: Azure DevOps hosts over https, and the hosts an operator adds.</summary>
public sealed class AzureDevOpsHostsTests
{
    private static AzureDevOpsHosts Configured(params string[] added)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(added.Select((host, i) => new KeyValuePair<string, string?>($"{GateOptions.Section}:AzureDevOpsHosts:{i}", host)))
            .Build();
        return new AzureDevOpsHosts(configuration.GetSection(GateOptions.Section).Get<GateOptions>() ?? new GateOptions());
    }

    [Theory]
    [InlineData("https://dev.azure.com/contoso/", true)]
    [InlineData("https://contoso.visualstudio.com/", true)]
    [InlineData("http://dev.azure.com/contoso/", false)]
    [InlineData("https://visualstudio.com/", false)]
    [InlineData("https://dev.azure.com.attacker.example/contoso/", false)]
    [InlineData("https://user:secret@dev.azure.com/contoso/", false)]
    [InlineData("https://dev.azure.com/contoso/?next=https://attacker.example", false)]
    [InlineData("http://127.0.0.1:8080/contoso/", false)]
    [InlineData("not a url", false)]
    public void Only_Azure_DevOps_over_https_by_default(string planUrl, bool allowed) => Assert.Equal(allowed, Configured().Allows(planUrl));

    [Fact]
    public void A_host_an_operator_adds_is_allowed_beside_the_defaults()
    {
        var hosts = Configured("ado.contoso.com");

        Assert.True(hosts.Allows("https://ado.contoso.com/tfs/DefaultCollection/"));
        Assert.True(hosts.Allows("https://dev.azure.com/contoso/"));
        Assert.False(hosts.Allows("http://ado.contoso.com/tfs/DefaultCollection/"));
    }
}
