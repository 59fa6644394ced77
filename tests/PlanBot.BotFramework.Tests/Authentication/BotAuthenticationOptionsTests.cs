using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

public sealed class BotAuthenticationOptionsTests
{
    [Fact]
    public void Defaults_point_at_the_public_cloud_over_https()
    {
        var options = new BotAuthenticationOptions();

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.BotFrameworkOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EntraOpenIdMetadataUrl);
        Assert.True(options.RequireHttpsMetadata);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Http_metadata_while_https_is_required_names_the_key()
    {
        var options = new BotAuthenticationOptions { BotFrameworkOpenIdMetadataUrl = "http://127.0.0.1:5000/openid" };

        var error = Assert.Single(options.Validate());

        Assert.Contains("BotFramework:Authentication:BotFrameworkOpenIdMetadataUrl", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_urls_name_their_keys()
    {
        var options = new BotAuthenticationOptions { EntraOpenIdMetadataUrl = "nowhere" };
        options.TrustedServiceUrls.Add("smba.trafficmanager.net/teams/");

        var errors = options.Validate();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("EntraOpenIdMetadataUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("TrustedServiceUrls", StringComparison.Ordinal));
    }
}
