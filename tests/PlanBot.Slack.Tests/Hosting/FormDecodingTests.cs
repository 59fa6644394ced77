using System.Text.Json;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Tests.Signing;

namespace PlanBot.Slack.Tests.Hosting;

/// <summary>PROTOCOLS.md 7, vectors 4 and 5: form bodies decode by form rules.</summary>
public sealed class FormDecodingTests
{
    [Fact]
    public void The_published_slash_command_decodes()
    {
        var command = SlashCommand.FromForm(SignatureVerifierTests.Body);

        Assert.Equal("/webhook-collect", command.Command);
        Assert.Equal(string.Empty, command.Text);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", command.ResponseUrl);
        Assert.Equal("T1DC2JH3J", command.TeamId);
        Assert.Equal("G8PSS9T3V", command.ChannelId);
        Assert.Equal("foobar", command.ChannelName);
        Assert.Equal("U2CERLKJA", command.UserId);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", command.TriggerId);
    }

    [Fact]
    public void A_plus_in_a_form_is_a_space()
    {
        Assert.Equal("Contoso.Web 2.4", SlashCommand.FromForm("command=%2Fplan&text=Contoso.Web+2.4").Text);
    }

    [Fact]
    public void The_interactivity_payload_field_decodes_to_its_json()
    {
        var json = InteractionPayload.FormPayload("payload=%7B%22type%22%3A%22block_actions%22%7D");

        Assert.Equal("""{"type":"block_actions"}""", json);
        Assert.Equal("block_actions", JsonSerializer.Deserialize(json!, SlackJsonContext.Default.InteractionPayload)!.Type);
    }

    [Fact]
    public void A_body_without_a_payload_field_has_none()
    {
        Assert.Null(InteractionPayload.FormPayload("type=block_actions"));
    }
}
