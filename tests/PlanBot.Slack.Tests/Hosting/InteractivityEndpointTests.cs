using System.Net;
using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Hosting;

public sealed class InteractivityEndpointTests : HostTestBase
{
    private const string Value = """{"planId":"plan-1","revision":7}""";

    [Fact]
    public async Task Reject_opens_the_reason_modal_before_answering()
    {
        await StartAsync();
        var click = SlackPayloads.BlockAction("reject", Value, SlackPayloads.Approver, SlackPayloads.ReleaseChannel, "releases", "1700000000.000500");

        using var response = await Session.Client.InteractionAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = Assert.Single(Slack.CallsTo("views.open"));
        Assert.Equal(click["trigger_id"]!.GetValue<string>(), opened.Json!["trigger_id"]!.GetValue<string>());
        var view = opened.Json["view"]!;
        Assert.Equal("reject", view["callback_id"]!.GetValue<string>());
        var metadata = JsonNode.Parse(view["private_metadata"]!.GetValue<string>())!;
        Assert.Equal(("plan-1", 7, "C0RELEASE:1700000000.000500"), (metadata["planId"]!.GetValue<string>(), metadata["revision"]!.GetValue<int>(), metadata["conversation"]!.GetValue<string>()));
        await Host.WhenIdleAsync();
        Assert.Empty(Slack.Messages());
    }

    [Fact]
    public async Task A_blank_reason_keeps_the_modal_open_with_an_error()
    {
        await StartAsync();
        await Session.InteractAsync(SlackPayloads.BlockAction("reject", Value, SlackPayloads.Approver, SlackPayloads.ReleaseChannel, "releases", "1700000000.000500"));
        var opened = Slack.CallsTo("views.open")[0].Json!;

        using var response = await Session.Client.InteractionAsync(SlackPayloads.ViewSubmission(opened, SlackPayloads.Approver, "reason", "   "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(body["errors"]!["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_reason_closes_the_modal_and_runs_the_reject_in_the_approval_thread()
    {
        await StartAsync();
        await Session.InteractAsync(SlackPayloads.BlockAction("reject", Value, SlackPayloads.Approver, SlackPayloads.ReleaseChannel, "releases", "1700000000.000500"));
        var opened = Slack.CallsTo("views.open")[0].Json!;

        var before = Slack.LastSequence;
        using var response = await Session.Client.InteractionAsync(SlackPayloads.ViewSubmission(opened, SlackPayloads.Approver, "reason", "Rollback untested"));
        await Host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        // No such plan here: the engine says so, in the thread of the message that was clicked.
        var reply = Assert.Single(Slack.Messages(before));
        Assert.Equal((SlackPayloads.ReleaseChannel, "1700000000.000500"), (reply.Channel, reply.ThreadTs));
    }

    [Fact]
    public async Task Skip_moves_the_interview_on()
    {
        await StartAsync();
        await Session.CommandAsync("Contoso.Web 2.4");
        // A typed answer goes on question by question, each question a message with its buttons.
        var asked = Assert.Single(await Session.SayAsync("Checkout v3"));
        var skip = asked.ButtonValue("skip");

        var sent = await Session.InteractAsync(SlackPayloads.BlockAction("skip", skip, SlackPayloads.Owner, SlackPayloads.OwnerDm, "directmessage", "1700000000.000101"));

        var next = Assert.Single(sent);
        Assert.True(next.Shows(PlanChecklist.Questions[2].Text), next.Readable);
        Assert.Equal(SlackPayloads.OwnerDm, next.Channel);
    }

    [Fact]
    public async Task A_long_answer_can_be_given_in_a_form()
    {
        await StartAsync();
        await Session.CommandAsync("Contoso.Web 2.4");
        var asked = Assert.Single(await Session.SayAsync("Checkout v3"));

        await Session.InteractAsync(SlackPayloads.BlockAction("answer_form", asked.ButtonValue("answer_form"), SlackPayloads.Owner, SlackPayloads.OwnerDm, "directmessage", "1700000000.000101"));
        // The slash command opened section 1's modal; the button opens the answer's.
        var opened = Assert.Single(Slack.CallsTo("views.open"), c => c.Json!["view"]!["callback_id"]!.GetValue<string>() == "answer").Json!;
        var sent = await Session.InteractAsync(SlackPayloads.ViewSubmission(opened, SlackPayloads.Owner, "answer", "Invoices in PDF\nBulk export\nA <b> & c"));

        var next = Assert.Single(sent);
        Assert.True(next.Shows(PlanChecklist.Questions[2].Text), next.Readable);
        var status = Assert.Single(await Session.CommandAsync("show"));
        Assert.True(status.Shows("Invoices in PDF\nBulk export\nA <b> & c"), status.Readable);
    }

    [Fact]
    public async Task An_interaction_for_another_app_gets_401()
    {
        await StartAsync();
        var click = SlackPayloads.BlockAction("approve", Value, SlackPayloads.Approver, SlackPayloads.ReleaseChannel, "releases", "1.2");
        click["api_app_id"] = "A0OTHER";

        using var response = await Session.Client.InteractionAsync(click);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_form_without_a_payload_is_a_bad_request()
    {
        await StartAsync();

        using var response = await Session.Client.PostAsync("api/slack/interactivity", "type=block_actions", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
