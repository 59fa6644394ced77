using System.Net;
using Microsoft.Extensions.Options;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Hosting;

public sealed class SlackOptionsTests : HostTestBase
{
    [Theory]
    [InlineData("Slack:SigningSecret", null, "Slack:SigningSecret")]
    [InlineData("Slack:BotToken", null, "Slack:BotToken")]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack:BotToken")]
    [InlineData("Slack:TeamId", null, "Slack:TeamId")]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack:ApiBaseUrl")]
    public async Task A_slack_enabled_host_refuses_to_start_naming_the_key(string key, string? value, string named)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings => settings[key] = value));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_mode_needs_an_app_token_but_no_signing_secret()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(settings =>
        {
            settings["Slack:SocketMode"] = "true";
            settings["Slack:SigningSecret"] = null;
        }));

        Assert.Contains("Slack:AppToken", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Slack:SigningSecret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_slack_off_nothing_is_mapped_or_required()
    {
        await StartAsync(settings =>
        {
            settings["Slack:Enabled"] = "false";
            settings["Slack:SigningSecret"] = null;
        });

        using var response = await Session.Client.CommandAsync(SlackPayloads.Command("help"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
