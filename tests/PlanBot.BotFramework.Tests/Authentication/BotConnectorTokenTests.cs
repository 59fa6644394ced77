using Microsoft.IdentityModel.Tokens;
using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.1 and test vectors 1–5: tokens the Bot Connector sends.</summary>
public sealed class BotConnectorTokenTests : AuthenticatorTestBase
{
    [Fact]
    public async Task Valid_connector_token_for_a_teams_activity_is_authenticated()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken());

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.True(result.IsAuthenticated);
        Assert.True(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Equal(TokenOrigin.BotConnector, result.Origin);
        Assert.Null(result.CallerAppId);
        Assert.Equal(TestIds.AmerServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
        Assert.Equal(TestIds.AppId, result.Identity.FindFirst("aud")?.Value);
    }

    [Fact]
    public async Task Token_for_another_app_id_is_unauthorized()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken(c => c.With("aud", TestIds.OtherAppId)));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("audience", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_with_a_trailing_slash_is_unauthorized()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken(c => c.With("iss", "https://api.botframework.com/")));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("issuer", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serviceurl_claim_for_another_region_is_unauthorized()
    {
        var token = BotConnectorToken(c => c.With("serviceurl", TestIds.EmeaServiceUrl));

        var result = await AuthenticateTokenAsync(token, serviceUrl: TestIds.AmerServiceUrl);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("serviceurl", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serviceurl_claim_differing_only_in_letter_case_is_authenticated()
    {
        var token = BotConnectorToken(c => c.With("serviceurl", "https://SMBA.trafficmanager.net/AMER/"));

        var result = await AuthenticateTokenAsync(token, serviceUrl: TestIds.AmerServiceUrl);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Token_without_a_serviceurl_claim_is_unauthorized()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken(c => c.Without("serviceurl")));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("serviceurl", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_expired_four_minutes_ago_is_within_the_clock_skew()
    {
        var token = BotConnectorToken(c => c
            .With("nbf", (Now - TimeSpan.FromHours(1)).ToUnixTimeSeconds())
            .With("exp", (Now - TimeSpan.FromMinutes(4)).ToUnixTimeSeconds()));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Token_expired_six_minutes_ago_is_unauthorized()
    {
        var token = BotConnectorToken(c => c
            .With("nbf", (Now - TimeSpan.FromHours(1)).ToUnixTimeSeconds())
            .With("exp", (Now - TimeSpan.FromMinutes(6)).ToUnixTimeSeconds()));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("token has expired", result.FailureReason);
    }

    [Fact]
    public async Task Lifetime_is_judged_by_the_injected_clock()
    {
        var token = BotConnectorToken();
        Assert.True((await AuthenticateTokenAsync(token)).IsAuthenticated);

        Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        Assert.Equal("token has expired", (await AuthenticateTokenAsync(token)).FailureReason);
    }

    [Theory]
    [InlineData(4, AuthenticationOutcome.Authenticated)]
    [InlineData(6, AuthenticationOutcome.Unauthorized)]
    public async Task Not_before_in_the_future_is_allowed_up_to_the_clock_skew(int minutesAhead, AuthenticationOutcome expected)
    {
        var token = BotConnectorToken(c => c.With("nbf", (Now + TimeSpan.FromMinutes(minutesAhead)).ToUnixTimeSeconds()));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task Token_without_expiry_is_unauthorized()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken(c => c.Without("exp")));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("token has no expiry", result.FailureReason);
    }

    [Fact]
    public async Task Key_endorsed_only_for_skype_is_forbidden_for_a_teams_activity()
    {
        var skypeOnly = new TestSigningKey("bf-skype-only", ["skype"]);
        Server.BotFrameworkKeys = [BotFrameworkKey, skypeOnly];

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: skypeOnly), channelId: TestIds.Teams);

        Assert.Equal(AuthenticationOutcome.Forbidden, result.Outcome);
        Assert.Equal(403, result.StatusCode);
        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_endorsed_for_teams_accepts_any_of_its_channels_and_refuses_others()
    {
        Assert.True((await AuthenticateTokenAsync(BotConnectorToken(), channelId: "skype")).IsAuthenticated);
        Assert.Equal(AuthenticationOutcome.Forbidden, (await AuthenticateTokenAsync(BotConnectorToken(), channelId: "slack")).Outcome);
    }

    [Fact]
    public async Task Key_without_an_endorsements_entry_skips_the_check()
    {
        var unendorsed = new TestSigningKey("bf-unendorsed", endorsements: null);
        Server.BotFrameworkKeys = [unendorsed];

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: unendorsed), channelId: "anychannel");

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Key_with_an_empty_endorsements_list_endorses_nothing()
    {
        var empty = new TestSigningKey("bf-empty", endorsements: []);
        Server.BotFrameworkKeys = [empty];

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: empty));

        Assert.Equal(AuthenticationOutcome.Forbidden, result.Outcome);
    }

    [Fact]
    public async Task Token_signed_by_a_stranger_under_a_published_kid_is_unauthorized()
    {
        var impostor = new TestSigningKey(BotFrameworkKey.KeyId, [TestIds.Teams], material: 1);

        var result = await AuthenticateTokenAsync(BotConnectorToken(key: impostor));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("signature", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Algorithms_other_than_rs256_are_unauthorized()
    {
        var token = TestTokens.Sign(BotFrameworkKey.Credentials(SecurityAlgorithms.RsaSha384), TestTokens.BotConnectorClaims(Now));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("signing algorithm is not RS256", result.FailureReason);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Connector_token_signed_with_an_entra_key_is_unauthorized()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken(key: EntraKey));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
    }

    [Fact]
    public async Task Issuer_nobody_trusts_is_refused_without_fetching_metadata()
    {
        var result = await AuthenticateTokenAsync(BotConnectorToken(c => c.With("iss", "https://evil.example")));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests + Server.EntraMetadataRequests);
    }

    [Fact]
    public async Task Refusal_is_logged_with_its_reason()
    {
        await AuthenticateTokenAsync(BotConnectorToken(c => c.With("aud", TestIds.OtherAppId)));

        Assert.Contains(Logger.Entries, e => e.Contains("1102", StringComparison.Ordinal) && e.Contains("audience", StringComparison.Ordinal));
    }
}
