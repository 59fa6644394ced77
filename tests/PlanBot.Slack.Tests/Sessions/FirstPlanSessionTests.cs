using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Slack.Turns;
using PlanBot.Testing.Slack;
using Xunit.Abstractions;

namespace PlanBot.Slack.Tests.Sessions;

/// <summary>
/// A release manager's first plan in Slack, as a script over the HTTP request URLs with real signatures
/// against a fake Slack Web API: typed to the bot in a direct message, filled in section modals, and
/// submitted. Every message, click and modal save the person makes is counted.
/// </summary>
public sealed class FirstPlanSessionTests(ITestOutputHelper output) : HostTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartAsync();
    }

    [Fact]
    public async Task A_first_plan_typed_as_plan_X_1_0_is_drafted_in_modals_and_submitted_in_eleven_interactions()
    {
        // Beforehand, not counted: the product's release channel, where the approval request goes.
        Assert.Contains(await Session.MentionAsync("channel set Contoso.Web"), m => m.Shows("release channel for Contoso.Web"));
        var before = Slack.LastSequence;

        var started = Assert.Single(await Session.SayAsync("plan Contoso.Web 1.0"));
        var interactions = 1;

        // An event carries no trigger, so no modal can open by itself: the section's message offers it.
        Assert.Empty(Slack.CallsTo("views.open"));
        Assert.True(started.HasButton(SlackIds.OpenSection, "\"section\":1"), started.Readable);
        await Session.PressAsync(started, SlackIds.OpenSection);
        interactions++;
        Assert.Equal("Section 1", Assert.Single(Slack.CallsTo("views.open")).Json!["view"]!["title"]!["text"]!.GetValue<string>());
        var modal = Assert.Single(Slack.CallsTo("views.update")).Json!["view"]!.AsObject();

        var (saves, submitted) = await ModalDrafting.SaveEverySectionAndSubmitAsync(Session, Slack, modal, Slack.PostedTs[started.Sequence]);
        interactions += saves;

        var calls = Slack.Calls.Where(c => c.Sequence > before).GroupBy(c => c.Method).OrderBy(g => g.Key, StringComparer.Ordinal);
        output.WriteLine($"FIGURE Slack first plan, typed `plan Contoso.Web 1.0` to submitted | user interactions | {interactions} (1 message, 1 Fill in, {saves} Save section, the last sending the plan)");
        output.WriteLine($"Slack Web API calls meanwhile: {string.Join(", ", calls.Select(g => $"{g.Key} {g.Count()}"))}");

        // The slash command saves the click on Fill in (its trigger opens the first modal): 10. A typed message cannot.
        Assert.Equal(2 + SectionInfo.All.Count, interactions);
        Assert.Contains(submitted, m => m.Channel == SlackPayloads.ReleaseChannel && m.HasButton(SlackIds.Approve));
        var store = Host.Services.GetRequiredService<IConversationStore>();
        var plan = (await store.FindPlanAsync("slack:" + SlackPayloads.TeamId, "Contoso.Web", "1.0", CancellationToken.None))!.Document.Plan;
        Assert.Equal((PlanState.InReview, 100), (plan.State, plan.Completeness().Percent));
        Assert.All(plan.Answers.Values, a => Assert.Equal((SlackTenancy.Channel, SlackPayloads.Owner), (a.Provenance.Channel, a.Provenance.AnsweredBy.Id)));
    }
}
