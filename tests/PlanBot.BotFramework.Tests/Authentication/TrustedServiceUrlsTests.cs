using PlanBot.BotFramework.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

public sealed class TrustedServiceUrlsTests
{
    [Fact]
    public void Configured_service_urls_are_trusted_from_the_start()
    {
        var trusted = new TrustedServiceUrls(["https://smba.trafficmanager.net/teams/"]);

        Assert.True(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/teams/v3/conversations")));
        Assert.False(trusted.IsTrusted(new Uri("https://smba.trafficmanager.net/amer/v3/conversations")));
    }

    [Fact]
    public void Root_service_url_trusts_the_whole_host()
    {
        var trusted = new TrustedServiceUrls(["http://localhost:56150"]);

        Assert.True(trusted.IsTrusted(new Uri("http://localhost:56150/_connector/v3/conversations")));
        Assert.False(trusted.IsTrusted(new Uri("http://localhost:56151/_connector/v3/conversations")));
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/amer/")]
    [InlineData("ftp://smba.trafficmanager.net/amer/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/amer/")]
    public void Values_that_are_not_absolute_http_urls_are_refused(string serviceUrl)
    {
        var trusted = new TrustedServiceUrls();

        Assert.Throws<ArgumentException>(() => trusted.Trust(serviceUrl));
    }

    [Fact]
    public void Trust_may_be_called_from_many_requests_at_once()
    {
        var trusted = new TrustedServiceUrls();

        Parallel.For(0, 200, i => trusted.Trust($"https://smba.trafficmanager.net/region{i % 20}/"));

        for (var i = 0; i < 20; i++)
        {
            Assert.True(trusted.IsTrusted(new Uri($"https://smba.trafficmanager.net/region{i}/v3/conversations")));
        }
    }
}
