using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.1 step 2 and test vector 6: the metadata cache, its schedule and its forced refresh.</summary>
public sealed class SigningKeyRefreshTests : AuthenticatorTestBase
{
    [Fact]
    public async Task Metadata_is_fetched_once_and_then_served_from_the_cache()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        }

        Assert.Equal(1, Server.BotFrameworkMetadataRequests);
        Assert.Equal(0, Server.EntraMetadataRequests);
    }

    [Fact]
    public async Task Unknown_kid_refreshes_the_metadata_exactly_once_and_is_then_refused()
    {
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        var unpublished = new TestSigningKey("bf-key-never-published", [TestIds.Teams]);

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: unpublished));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("no signing key matches the token's kid", result.FailureReason);
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Unknown_kid_on_the_very_first_request_costs_one_fetch_and_one_refresh()
    {
        var unpublished = new TestSigningKey("bf-key-never-published", [TestIds.Teams]);

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: unpublished));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_by_one_refresh_and_accepted()
    {
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        var rotated = new TestSigningKey("bf-key-2", [TestIds.Teams]);
        Server.BotFrameworkKeys = [rotated];

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: rotated));

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Further_unknown_kids_within_a_minute_do_not_refresh_again()
    {
        var unpublished = new TestSigningKey("bf-key-never-published", [TestIds.Teams]);
        await AuthenticateTokenAsync(BotConnectorToken(key: unpublished));
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);

        await AuthenticateTokenAsync(BotConnectorToken(key: unpublished));
        await AuthenticateTokenAsync(BotConnectorToken(key: unpublished));
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);

        Time.Advance(TimeSpan.FromMinutes(2));
        await AuthenticateTokenAsync(BotConnectorToken(key: unpublished));
        Assert.Equal(3, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Concurrent_tokens_with_the_same_unknown_kid_share_one_refresh()
    {
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        var rotated = new TestSigningKey("bf-key-2", [TestIds.Teams]);
        Server.BotFrameworkKeys = [rotated];
        var token = BotConnectorToken(key: rotated);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AuthenticateTokenAsync(token)));

        Assert.All(results, r => Assert.Equal(AuthenticationOutcome.Authenticated, r.Outcome));
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Metadata_is_refreshed_on_schedule_within_a_day()
    {
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);

        Time.Advance(TimeSpan.FromHours(11));
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        Assert.Equal(1, Server.BotFrameworkMetadataRequests);

        Time.Advance(TimeSpan.FromHours(2));
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        Assert.Equal(2, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Failed_scheduled_refresh_keeps_the_cached_keys()
    {
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken())).IsAuthenticated);
        Server.Failing = true;
        Time.Advance(TimeSpan.FromHours(13));

        var result = await AuthenticateTokenAsync(BotConnectorToken());

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Contains(Logger.Entries, e => e.Contains("1106", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unreachable_metadata_with_nothing_cached_is_unauthorized()
    {
        Server.Failing = true;

        var result = await AuthenticateTokenAsync(BotConnectorToken());

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("signing keys could not be loaded", result.FailureReason);
    }

    [Fact]
    public async Task Http_metadata_is_refused_when_https_is_required()
    {
        var options = Server.Options() with { RequireHttpsMetadata = true };
        CreateAuthenticator(options);

        var result = await AuthenticateTokenAsync(BotConnectorToken());

        Assert.Equal("signing keys could not be loaded", result.FailureReason);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }
}
