using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.2–3.3 and test vector 7: Emulator and Entra-issued tokens.</summary>
public sealed class EmulatorTokenTests : AuthenticatorTestBase
{
    [Fact]
    public async Task Emulator_v1_token_with_appid_is_authenticated_on_the_entra_path()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV1Claims(Now));

        // No serviceurl claim and no endorsements on this path: any channel and service URL will do.
        var result = await AuthenticateTokenAsync(token, channelId: "emulator", serviceUrl: "http://localhost:5000/");

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(TokenOrigin.Entra, result.Origin);
        Assert.Equal(TestIds.AppId, result.CallerAppId);
        Assert.Equal(1, Server.EntraMetadataRequests);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Emulator_v2_token_with_azp_is_authenticated()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV2Claims(Now));

        var result = await AuthenticateTokenAsync(token, channelId: "emulator");

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal(TestIds.AppId, result.CallerAppId);
    }

    [Fact]
    public async Task Emulator_v2_token_without_azp_is_unauthorized()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV2Claims(Now).Without("azp"));

        var result = await AuthenticateTokenAsync(token, channelId: "emulator");

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("azp", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_v2_token_whose_appid_but_not_azp_names_the_bot_is_unauthorized()
    {
        var claims = TestTokens.EmulatorV2Claims(Now).Without("azp").With("appid", TestIds.AppId);

        var result = await AuthenticateTokenAsync(TestTokens.Sign(EntraKey.Credentials(), claims));

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
    }

    [Fact]
    public async Task Emulator_token_without_ver_is_unauthorized()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV1Claims(Now).Without("ver"));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("token has no ver claim", result.FailureReason);
    }

    [Fact]
    public async Task Emulator_token_of_an_unknown_version_is_unauthorized()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV1Claims(Now).With("ver", "3.0"));

        Assert.Equal(AuthenticationOutcome.Unauthorized, (await AuthenticateTokenAsync(token)).Outcome);
    }

    [Fact]
    public async Task Emulator_v1_token_issued_to_another_app_is_unauthorized()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV1Claims(Now).With("appid", TestIds.OtherAppId));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("appid", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_token_for_another_audience_is_unauthorized()
    {
        var token = TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV1Claims(Now).With("aud", TestIds.OtherAppId));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Contains("audience", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_token_expired_beyond_the_skew_is_unauthorized()
    {
        var claims = TestTokens.EmulatorV1Claims(Now)
            .With("nbf", (Now - TimeSpan.FromHours(1)).ToUnixTimeSeconds())
            .With("exp", (Now - TimeSpan.FromMinutes(6)).ToUnixTimeSeconds());

        var result = await AuthenticateTokenAsync(TestTokens.Sign(EntraKey.Credentials(), claims));

        Assert.Equal("token has expired", result.FailureReason);
    }

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "1.0")]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", "2.0")]
    [InlineData("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", "1.0")]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", "2.0")]
    [InlineData("https://sts.windows.net/69e9b82d-4842-4902-8d1e-abc5b98a55e8/", "1.0")]
    [InlineData("https://login.microsoftonline.com/69e9b82d-4842-4902-8d1e-abc5b98a55e8/v2.0", "2.0")]
    public async Task Every_known_emulator_and_entra_issuer_is_accepted(string issuer, string version)
    {
        var claims = version == "1.0" ? TestTokens.EmulatorV1Claims(Now) : TestTokens.EmulatorV2Claims(Now);

        var result = await AuthenticateTokenAsync(TestTokens.Sign(EntraKey.Credentials(), claims.With("iss", issuer)));

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + TestIds.TenantId + "/", "1.0")]
    [InlineData("https://login.microsoftonline.com/" + TestIds.TenantId + "/v2.0", "2.0")]
    public async Task The_configured_tenants_issuers_are_accepted_and_other_tenants_are_not(string issuer, string version)
    {
        var claims = version == "1.0" ? TestTokens.EmulatorV1Claims(Now) : TestTokens.EmulatorV2Claims(Now);
        var token = TestTokens.Sign(EntraKey.Credentials(), claims.With("iss", issuer));

        Assert.Equal(AuthenticationOutcome.Unauthorized, (await AuthenticateTokenAsync(token)).Outcome);

        CreateAuthenticator(Server.Options(tenantId: TestIds.TenantId));
        Assert.Equal(AuthenticationOutcome.Authenticated, (await AuthenticateTokenAsync(token)).Outcome);
    }

    [Fact]
    public async Task Emulator_token_signed_with_a_bot_connector_key_is_unauthorized()
    {
        var token = TestTokens.Sign(BotFrameworkKey.Credentials(), TestTokens.EmulatorV1Claims(Now));

        var result = await AuthenticateTokenAsync(token);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }
}
