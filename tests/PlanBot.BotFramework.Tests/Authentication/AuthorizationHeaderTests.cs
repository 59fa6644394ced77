using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.4 and test vector 8: the header itself, and the no-app-id development mode.</summary>
public sealed class AuthorizationHeaderTests : AuthenticatorTestBase
{
    [Fact]
    public async Task No_header_without_an_app_id_is_anonymous()
    {
        CreateAuthenticator(Server.Options(appId: null));

        var result = await AuthenticateAsync(null);

        Assert.Equal(AuthenticationOutcome.Anonymous, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.False(result.IsAuthenticated);
        Assert.Null(result.Identity);
        Assert.Null(result.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_app_id_counts_as_no_app_id(string appId)
    {
        CreateAuthenticator(Server.Options(appId: appId));

        Assert.Equal(AuthenticationOutcome.Anonymous, (await AuthenticateAsync(null)).Outcome);
    }

    [Fact]
    public async Task Any_header_without_an_app_id_is_anonymous_and_not_validated()
    {
        CreateAuthenticator(Server.Options(appId: null));

        Assert.Equal(AuthenticationOutcome.Anonymous, (await AuthenticateAsync("Bearer garbage")).Outcome);
        Assert.Equal(AuthenticationOutcome.Anonymous, (await AuthenticateTokenAsync(BotConnectorToken())).Outcome);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task No_header_with_an_app_id_is_unauthorized(string? header)
    {
        var result = await AuthenticateAsync(header);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal("no Authorization header", result.FailureReason);
    }

    [Theory]
    [InlineData("Basic x")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearertoken")]
    [InlineData("Bearer a b")]
    [InlineData("garbage")]
    public async Task Header_that_is_not_a_bearer_token_is_unauthorized(string header)
    {
        var result = await AuthenticateAsync(header);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("Authorization header is not a bearer token", result.FailureReason);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }

    [Theory]
    [InlineData("Bearer garbage")]
    [InlineData("Bearer not.a.jwt")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0")]
    public async Task Bearer_garbage_is_unauthorized_as_malformed(string header)
    {
        var result = await AuthenticateAsync(header);

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("token is malformed", result.FailureReason);
        Assert.Equal(0, Server.BotFrameworkMetadataRequests);
    }

    [Fact]
    public async Task Unsigned_token_is_unauthorized()
    {
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(
            $$"""{"iss":"https://api.botframework.com","aud":"{{TestIds.AppId}}","serviceurl":"{{TestIds.AmerServiceUrl}}","exp":{{(Now + TimeSpan.FromHours(1)).ToUnixTimeSeconds()}}}""");

        var result = await AuthenticateAsync($"Bearer {header}.{payload}.");

        Assert.Equal(AuthenticationOutcome.Unauthorized, result.Outcome);
        Assert.Equal("signing algorithm is not RS256", result.FailureReason);
    }

    [Fact]
    public async Task Scheme_name_is_case_insensitive()
    {
        var result = await AuthenticateAsync("bearer " + BotConnectorToken());

        Assert.Equal(AuthenticationOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Arguments_are_guarded()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Authenticator.AuthenticateAsync(null, null!, TestIds.AmerServiceUrl, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Authenticator.AuthenticateAsync(null, TestIds.Teams, null!, CancellationToken.None));
    }
}
