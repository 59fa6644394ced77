using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

public sealed class AuthenticationLoggingTests : AuthenticatorTestBase
{
    [Fact]
    public async Task Tokens_never_reach_the_logs_whatever_the_verdict()
    {
        var unpublished = new TestSigningKey("bf-key-never-published", [TestIds.Teams]);
        string[] tokens =
        [
            BotConnectorToken(),
            BotConnectorToken(c => c.With("aud", TestIds.OtherAppId)),
            BotConnectorToken(c => c.With("serviceurl", TestIds.EmeaServiceUrl)),
            BotConnectorToken(c => c.With("iss", "https://api.botframework.com/")),
            BotConnectorToken(key: unpublished),
            TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV1Claims(Now)),
            TestTokens.Sign(EntraKey.Credentials(), TestTokens.EmulatorV2Claims(Now).Without("azp")),
        ];

        var outcomes = new List<AuthenticationOutcome>();
        foreach (var token in tokens)
        {
            outcomes.Add((await AuthenticateTokenAsync(token)).Outcome);
            outcomes.Add((await AuthenticateTokenAsync(token, channelId: "slack")).Outcome);
        }

        Assert.Contains(AuthenticationOutcome.Authenticated, outcomes);
        Assert.Contains(AuthenticationOutcome.Unauthorized, outcomes);
        Assert.Contains(AuthenticationOutcome.Forbidden, outcomes);
        Assert.NotEmpty(Logger.Entries);
        foreach (var token in tokens)
        {
            var signature = token[(token.LastIndexOf('.') + 1)..];
            var payload = token.Split('.')[1];
            Assert.DoesNotContain(signature, Logger.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain(payload, Logger.AllText, StringComparison.Ordinal);
        }
    }
}
