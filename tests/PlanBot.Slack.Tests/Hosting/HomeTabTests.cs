using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Slack.Rendering;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Hosting;

/// <summary>Slack's Home tab over the real endpoints: opening it publishes the person's lists; a plan's button opens it.</summary>
public sealed class HomeTabTests : HostTestBase
{
    [Fact]
    public async Task Opening_the_home_tab_publishes_the_plans_the_person_owns_and_an_empty_list_to_someone_else()
    {
        await StartAsync();
        await Session.SayAsync("plan Contoso.Web 2.4");

        await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(SlackPayloads.HomeOpened(SlackPayloads.Owner))));
        await Session.StepAsync(() => Session.Client.EventAsync(SlackPayloads.Envelope(SlackPayloads.HomeOpened(SlackPayloads.Approver))));

        await Eventually.TrueAsync(() => Slack.CallsTo("views.publish").Count == 2, "both Home tabs published");
        var published = Slack.CallsTo("views.publish");
        var owner = published.Single(c => c.Json!["user_id"]!.GetValue<string>() == SlackPayloads.Owner).Json!;
        Assert.Equal("home", owner["view"]!["type"]!.GetValue<string>());
        var ownerBlocks = owner["view"]!["blocks"]!.ToJsonString();
        Assert.Contains("Plans I own (1)", ownerBlocks, StringComparison.Ordinal);
        Assert.Contains("*Contoso.Web 2.4*", ownerBlocks, StringComparison.Ordinal);
        Assert.Contains(SlackIds.HomeOpenPlan, ownerBlocks, StringComparison.Ordinal);
        var approver = published.Single(c => c.Json!["user_id"]!.GetValue<string>() == SlackPayloads.Approver).Json!["view"]!["blocks"]!.ToJsonString();
        Assert.Contains("Plans I own (0)", approver, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso.Web 2.4", approver, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_button_shows_the_plan_in_a_modal()
    {
        await StartAsync();
        await Session.SayAsync("plan Contoso.Web 2.4");
        await Session.SayAsync("Dark mode, saved carts");
        var store = Host.Services.GetRequiredService<IConversationStore>();
        var plan = Assert.Single(await store.ListPlansAsync($"slack:{SlackPayloads.TeamId}", null, CancellationToken.None));

        await Session.InteractAsync(SlackPayloads.HomeAction(SlackIds.HomeOpenPlan, plan.Id, SlackPayloads.Owner));

        await Eventually.TrueAsync(() => Slack.CallsTo("views.open").Count == 1, "the plan's modal opened");
        var opened = Slack.CallsTo("views.open");
        var view = opened[0].Json!["view"]!;
        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Contains("Dark mode, saved carts", view["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_id_of_another_workspace_opens_nothing()
    {
        await StartAsync();

        await Session.InteractAsync(SlackPayloads.HomeAction(SlackIds.HomeOpenPlan, "plan-of-another-tenant", SlackPayloads.Owner));

        await Consistently.TrueAsync(() => Slack.CallsTo("views.open").Count == 0, "no modal opened", TimeSpan.FromMilliseconds(500));
    }
}
