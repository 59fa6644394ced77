using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;
using Xunit.Abstractions;

namespace PlanBot.Slack.Tests.Sessions;

/// <summary>
/// The next release's plan in Slack, started from the last one, as a script over the signed request
/// URLs against a fake Slack Web API: typed to the bot, the carried-over answers kept where nothing was
/// found wrong with them, what is left filled in section modals, and submitted. Every message, click
/// and modal save the person makes is counted.
/// </summary>
public sealed class NextReleaseSessionTests(ITestOutputHelper output) : HostTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartAsync();
    }

    [Fact]
    public async Task The_next_release_is_drafted_from_the_last_plan_and_submitted_in_a_handful_of_interactions()
    {
        // Beforehand, not counted: the release channel, and the last release's plan drafted in modals.
        Assert.Contains(await Session.MentionAsync("channel set Contoso.Web"), m => m.Shows("release channel for Contoso.Web"));
        var last = Assert.Single(await Session.CommandAsync("Contoso.Web 1.0"));
        await ModalDrafting.SaveEverySectionAsync(Session, Slack, Slack.CallsTo("views.open")[^1].Json!["view"]!.AsObject(), Slack.PostedTs[last.Sequence]);

        var offer = await Session.SayAsync("plan Contoso.Web 1.1");
        Assert.Contains(offer, m => m.Shows("Type `baseline`"));
        var started = Assert.Single(await Session.SayAsync("baseline"), m => m.HasButton(SlackIds.KeepUnflagged));
        var kept = await Session.PressAsync(started, SlackIds.KeepUnflagged);
        var interactions = 3;

        // What is left: the sections with an open question (dates, windows and the features in scope are
        // not carried over) or a flagged answer, each saved in the modal that goes on to the next.
        var next = kept.Last(m => m.BlockIdOf(SlackIds.OpenSection) == SlackIds.SectionBlock);
        await Session.PressAsync(next, SlackIds.OpenSection);
        interactions++;
        var modal = Slack.CallsTo("views.update")[^1].Json!["view"]!.AsObject();
        var saved = new List<int>();
        IReadOnlyList<ApiCall> sent;
        while (true)
        {
            var section = int.Parse(ModalDrafting.Metadata(modal)["section"], CultureInfo.InvariantCulture);
            saved.Add(section);
            (var answer, sent) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, SectionFormAnswers.For((Section)section)));
            interactions++;
            Assert.Contains(sent, m => m.Shows($"Saved section {section}"));
            if (answer is null)
            {
                break;
            }

            Assert.Equal("update", answer["response_action"]!.GetValue<string>());
            modal = answer["view"]!.AsObject();
        }

        // The last open section's modal sends the plan once saved: its "then" is left as it came.
        var submitted = sent;

        output.WriteLine($"FIGURE Slack next release, typed `plan Contoso.Web 1.1` from the baseline to submitted | user interactions | {interactions} (2 messages, 1 Keep everything not flagged, 1 Fill in, {saved.Count} Save section (sections {string.Join(", ", saved)}), the last sending the plan)");
        Assert.True(interactions <= 10, $"{interactions} interactions from the baseline to submitted");
        Assert.Contains(submitted, m => m.Channel == SlackPayloads.ReleaseChannel && m.HasButton(SlackIds.Approve));
        var store = Host.Services.GetRequiredService<IConversationStore>();
        var plan = (await store.FindPlanAsync("slack:" + SlackPayloads.TeamId, "Contoso.Web", "1.1", CancellationToken.None))!.Document.Plan;
        Assert.Equal((PlanState.InReview, 100), (plan.State, plan.Completeness().Percent));
        Assert.DoesNotContain(plan.Answers.Values, a => a.IsUnconfirmed);
    }
}
