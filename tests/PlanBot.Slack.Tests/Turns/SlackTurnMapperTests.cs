using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Events;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Turns;

public sealed class SlackTurnMapperTests : IAsyncLifetime
{
    private FakeSlack slack = null!;
    private SlackTurnMapper mapper = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser(SlackPayloads.Owner, "Alex Wilber", "America/Chicago");
        slack.AddUser(SlackPayloads.Approver, "Megan Bowen");
        var options = Options.Create(new SlackOptions { BotToken = SlackTestHost.BotToken, TeamId = SlackPayloads.TeamId, ApiBaseUrl = slack.ApiBase.ToString(), PostInterval = TimeSpan.Zero });
        var api = WebApiClients.Create(slack, TimeProvider.System);
        mapper = new SlackTurnMapper(
            new SlackTenancy(options),
            new SlackUserDirectory(api, options, TimeProvider.System, NullLogger<SlackUserDirectory>.Instance),
            new SlackConversationDirectory(api, NullLogger<SlackConversationDirectory>.Instance));
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    private static EventEnvelope Envelope(JsonObject inner, string? eventId = null) =>
        JsonSerializer.Deserialize(SlackPayloads.Envelope(inner, eventId).ToJsonString(), SlackJsonContext.Default.EventEnvelope)!;

    [Fact]
    public async Task A_direct_message_is_a_personal_turn_with_the_senders_name_and_zone()
    {
        var turn = await mapper.FromEventAsync(Envelope(SlackPayloads.DirectMessage("status"), "Ev0001"), CancellationToken.None);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("Ev0001", turn.ActivityId);
        Assert.Equal(new ConversationRef("slack", "slack:T0PLANBOT", "D0OWNER", ConversationKind.Personal, null, "T0PLANBOT", "U0BOT"), turn.Conversation);
        Assert.Equal(("U0OWNER", "Alex Wilber"), (turn.From.Id, turn.From.Name));
        Assert.Equal("America/Chicago", turn.TimeZone);
        Assert.Equal("status", turn.Text);
    }

    [Fact]
    public async Task A_mention_in_a_thread_belongs_to_the_thread_and_names_the_people_it_mentions()
    {
        var turn = await mapper.FromEventAsync(Envelope(SlackPayloads.Mention("<@U0APPROVER> and <@U0NOBODY|pat>", threadTs: "1700000000.000200")), CancellationToken.None);

        Assert.Equal("C0RELEASE:1700000000.000200", turn.Conversation.ConversationId);
        Assert.Equal(ConversationKind.Channel, turn.Conversation.Kind);
        Assert.Equal("<@U0APPROVER> and <@U0NOBODY|pat>", turn.Text);
        Assert.Equal(2, turn.Mentions.Count);
        Assert.Equal(("<@U0APPROVER>", "U0APPROVER", "Megan Bowen"), (turn.Mentions[0].Markup, turn.Mentions[0].Person.Id, turn.Mentions[0].Person.Name));
        Assert.Equal(("<@U0NOBODY|pat>", "U0NOBODY", "pat"), (turn.Mentions[1].Markup, turn.Mentions[1].Person.Id, turn.Mentions[1].Person.Name));
    }

    [Fact]
    public async Task A_mention_asks_slack_what_kind_of_conversation_it_is_once()
    {
        await mapper.FromEventAsync(Envelope(SlackPayloads.Mention("status", channel: "G0PRIVATE")), CancellationToken.None);
        await mapper.FromEventAsync(Envelope(SlackPayloads.Mention("status", channel: "G0PRIVATE")), CancellationToken.None);

        Assert.Single(slack.CallsTo("conversations.info"));
    }

    [Theory]
    [InlineData("", "help")]
    [InlineData("help", "help")]
    [InlineData("status", "status")]
    [InlineData("Contoso.Web 2.4", "plan Contoso.Web 2.4")]
    [InlineData("Billing 2.4", "plan Billing 2.4")]
    [InlineData("plan Billing 2.4", "plan Billing 2.4")]
    [InlineData("edit 3", "edit 3")]
    [InlineData("reject the rollback is untested", "reject the rollback is untested")]
    [InlineData("channel set Contoso.Web", "channel set Contoso.Web")]
    public void Slash_command_text_maps_to_the_chat_command(string arguments, string expected)
    {
        Assert.Equal(expected, SlackTurnMapper.CommandText(arguments));
    }

    [Fact]
    public async Task A_slash_command_in_a_group_dm_is_a_group_turn()
    {
        var fields = SlackPayloads.Command("status", channel: "C0GROUP", channelName: "mpdm-alex--megan-1");

        var turn = await mapper.FromCommandAsync(SlashCommand.FromForm(SignedClient.Form(fields)), CancellationToken.None);

        Assert.Equal((ConversationKind.Group, "C0GROUP", "status"), (turn.Conversation.Kind, turn.Conversation.ConversationId, turn.Text));
        Assert.StartsWith("command:", turn.ActivityId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_button_is_read_as_its_action_with_the_inputs_merged_and_its_own_value_winning()
    {
        var json = SlackPayloads.BlockAction("reject", """{"planId":"plan-1","revision":3}""", SlackPayloads.Approver, "C0RELEASE", "releases", "1700000000.000300");
        json["state"] = JsonNode.Parse("""{"values":{"b2":{"reason":{"type":"plain_text_input","value":"The rollback is not rehearsed"}},"b3":{"planId":{"type":"plain_text_input","value":"forged"}}}}""");
        var payload = JsonSerializer.Deserialize(json.ToJsonString(), SlackJsonContext.Default.InteractionPayload)!;

        var turn = await mapper.FromBlockActionAsync(payload, payload.Actions![0], replacesCard: false, CancellationToken.None);

        Assert.Equal(TurnKind.Action, turn.Kind);
        Assert.Equal(new DecideAction("plan-1", 3, Verdict.Reject, "The rollback is not rehearsed"), turn.Action);
        Assert.Equal("C0RELEASE:1700000000.000300", turn.Conversation.ConversationId);
        Assert.Equal(new ConversationThread("C0RELEASE", "1700000000.000300"), turn.Conversation.Thread);
        Assert.Equal(SlackPayloads.Approver, turn.From.Id);
    }

    [Fact]
    public async Task A_button_on_a_top_level_question_stays_in_the_channel()
    {
        var json = SlackPayloads.BlockAction("skip", """{"planId":"plan-1","questionId":"features"}""", SlackPayloads.Owner, "D0OWNER", "directmessage", "1700000000.000400", threadTs: "1700000000.000400");
        var payload = JsonSerializer.Deserialize(json.ToJsonString(), SlackJsonContext.Default.InteractionPayload)!;

        var turn = await mapper.FromBlockActionAsync(payload, payload.Actions![0], replacesCard: false, CancellationToken.None);

        Assert.Equal(("D0OWNER", ConversationKind.Personal), (turn.Conversation.ConversationId, turn.Conversation.Kind));
        Assert.Equal(new SkipAction("plan-1", "features"), turn.Action);
        Assert.Null(turn.Conversation.Thread);
    }

    [Fact]
    public async Task A_member_of_the_workspace_is_no_outsider()
    {
        var turn = await mapper.FromEventAsync(Envelope(SlackPayloads.DirectMessage("status"), "Ev0101"), CancellationToken.None);

        Assert.False(turn.FromOutside);
    }

    [Fact]
    public async Task A_guest_from_another_organisation_in_a_shared_channel_is_an_outsider_on_every_kind_of_turn()
    {
        slack.AddUser("U0GUEST", "Pat Partner", team: "T0PARTNER");

        var message = await mapper.FromEventAsync(Envelope(SlackPayloads.Mention("status", user: "U0GUEST")), CancellationToken.None);
        var command = await mapper.FromCommandAsync(SlashCommand.FromForm(SignedClient.Form(SlackPayloads.Command("status", user: "U0GUEST"))), CancellationToken.None);
        var json = SlackPayloads.BlockAction("approve", """{"planId":"plan-1","revision":3}""", "U0GUEST", "C0RELEASE", "releases", "1700000000.000300");
        var payload = JsonSerializer.Deserialize(json.ToJsonString(), SlackJsonContext.Default.InteractionPayload)!;
        var click = await mapper.FromBlockActionAsync(payload, payload.Actions![0], replacesCard: false, CancellationToken.None);

        Assert.True(message.FromOutside);
        Assert.True(command.FromOutside);
        Assert.True(click.FromOutside);
        // The tenant is still the channel's: the guest acts inside this organisation's plans, with less leave.
        Assert.Equal("slack:T0PLANBOT", message.Conversation.TenantId);
    }

    [Fact]
    public async Task When_users_info_fails_the_payloads_team_tells_who_is_a_guest()
    {
        var json = SlackPayloads.BlockAction("approve", """{"planId":"plan-1","revision":3}""", "U0UNKNOWN", "C0RELEASE", "releases", "1700000000.000300");
        json["user"]!["team_id"] = "T0PARTNER";
        var payload = JsonSerializer.Deserialize(json.ToJsonString(), SlackJsonContext.Default.InteractionPayload)!;

        var click = await mapper.FromBlockActionAsync(payload, payload.Actions![0], replacesCard: false, CancellationToken.None);

        Assert.True(click.FromOutside);
    }

    [Fact]
    public void In_a_grid_organisation_a_guest_is_someone_of_another_organisation()
    {
        var tenancy = new SlackTenancy(Options.Create(new SlackOptions { EnterpriseId = "E0CONTOSO" }));

        Assert.False(tenancy.IsOutsider(new SlackUser { TeamId = "T0ANYWORKSPACE", EnterpriseUser = new SlackEnterpriseUser { EnterpriseId = "E0CONTOSO" } }, null));
        Assert.True(tenancy.IsOutsider(new SlackUser { TeamId = "T0PARTNER" }, null));
        Assert.True(tenancy.IsOutsider(new SlackUser { TeamId = "T0PARTNER", EnterpriseUser = new SlackEnterpriseUser { EnterpriseId = "E0FABRIKAM" } }, null));
        Assert.False(tenancy.IsOutsider(null, "T0ANYWORKSPACE"));
    }

    [Fact]
    public void A_grid_deployment_puts_every_workspace_under_the_organisation()
    {
        var tenancy = new SlackTenancy(Options.Create(new SlackOptions { EnterpriseId = "E0CONTOSO" }));

        Assert.Equal("slack:E0CONTOSO", tenancy.TenantFor("T0ONE", "E0CONTOSO"));
        Assert.Null(tenancy.Refusal(null, "T0TWO", "E0CONTOSO"));
        Assert.NotNull(tenancy.Refusal(null, "T0TWO", "E0OTHER"));
    }

    [Fact]
    public void Another_app_or_workspace_is_refused()
    {
        var tenancy = new SlackTenancy(Options.Create(new SlackOptions { TeamId = "T0PLANBOT", ApiAppId = "A0PLANBOT" }));

        Assert.Null(tenancy.Refusal("A0PLANBOT", "T0PLANBOT", null));
        Assert.NotNull(tenancy.Refusal("A0OTHER", "T0PLANBOT", null));
        Assert.NotNull(tenancy.Refusal("A0PLANBOT", "T0OTHER", null));
        Assert.NotNull(tenancy.Refusal(null, "T0PLANBOT", null));
        Assert.Equal("slack:T0PLANBOT", tenancy.TenantFor("T0PLANBOT", null));
    }
}
