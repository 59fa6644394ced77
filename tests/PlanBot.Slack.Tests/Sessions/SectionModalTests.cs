using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Checks;
using PlanBot.Testing.Slack;
using Xunit.Abstractions;

namespace PlanBot.Slack.Tests.Sessions;

/// <summary>
/// Drafting a plan in section modals over signed HTTP against a real host, SQLite and a fake Slack:
/// a slash command opens the first section, Save section goes on to the next in the same modal, each
/// saved section's message turns into its read-back, and the finished plan's summary submits it.
/// </summary>
public sealed class SectionModalTests(ITestOutputHelper output) : HostTestBase
{
    private const string Tenant = "slack:" + SlackPayloads.TeamId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartAsync();
    }

    /// <summary>The modal the last views.open call opened.</summary>
    private JsonObject OpenedModal() => Slack.CallsTo("views.open")[^1].Json!["view"]!.AsObject();

    private static Dictionary<string, string> Metadata(JsonObject modal) => ModalDrafting.Metadata(modal);

    private string PostedTs(ApiCall posted) => Slack.PostedTs[posted.Sequence];

    private async Task<Plan> StoredAsync(string version)
    {
        var store = Host.Services.GetRequiredService<IConversationStore>();
        return (await store.FindPlanAsync(Tenant, "Contoso.Web", version, CancellationToken.None))!.Document.Plan;
    }

    /// <summary>
    /// <c>/plan Contoso.Web {version}</c>, then every section saved in the modal it opened; returns the
    /// number of interactions and the summary that ends it (with Submit).
    /// </summary>
    private async Task<(int Interactions, ApiCall Summary)> DraftAsync(string version)
    {
        var started = Assert.Single(await Session.CommandAsync($"Contoso.Web {version}"));
        var (saves, summary) = await ModalDrafting.SaveEverySectionAsync(Session, Slack, OpenedModal(), PostedTs(started));
        return (1 + saves, summary);
    }

    [Fact]
    public async Task A_first_plan_is_drafted_a_section_modal_at_a_time_and_submitted_in_ten_interactions()
    {
        // Beforehand, not counted: the product's release channel, where the approval request goes.
        Assert.Contains(await Session.MentionAsync("channel set Contoso.Web"), m => m.Shows("release channel for Contoso.Web"));

        var started = Assert.Single(await Session.CommandAsync("Contoso.Web 1.0"));
        var (saves, submitted) = await ModalDrafting.SaveEverySectionAndSubmitAsync(Session, Slack, OpenedModal(), PostedTs(started));
        var interactions = 1 + saves;

        output.WriteLine($"FIGURE Slack first plan, `/plan Contoso.Web 1.0` to submitted | user interactions | {interactions} (1 command, {saves - 1} Save section, 1 Save section that sends the plan)");
        Assert.True(interactions <= 10, $"{interactions} interactions from /plan to submitted");
        Assert.Contains(submitted, m => m.Channel == SlackPayloads.ReleaseChannel && m.HasButton(SlackIds.Approve));
        var plan = await StoredAsync("1.0");
        Assert.Equal((PlanState.InReview, 100), (plan.State, plan.Completeness().Percent));
        Assert.Equal("Answer to features & <more>", plan.AnswerTo("features")!.Value.Text);
        Assert.Equal("Both: the fix & <the invoices>", plan.AnswerTo("why")!.Value.Text);
        Assert.Equal([SlackUsers.Approver.Id], plan.AnswerTo("approvers")!.Value.People!.Select(p => p.Id));
        Assert.Equal(["Diego Siciliani", "Alex Wilber"], plan.AnswerTo("delivery-team")!.Value.People!.Select(p => p.Name));
        Assert.True(plan.AnswerTo("training")!.Value.Yes);
        var window = plan.AnswerTo("deployment-window")!.Value;
        Assert.Equal(TimeSpan.FromHours(4), window.WindowEndUtc - window.WindowStartUtc);
    }

    [Fact]
    public async Task Every_message_and_modal_of_a_drafted_plan_passes_slacks_types()
    {
        await DraftAsync("1.0");
        // A saved section opened again: "Opening…", then the section filled in by views.update.
        await Session.PressAsync(Session.Sent.Last(m => m.Method == "chat.update"), SlackIds.OpenSection);

        var payloads = Session.Sent.Select((m, i) => ($"{i:D2}-{m.Method}", BlockKitSurface.Message, new JsonObject { ["text"] = m.Text, ["blocks"] = m.Json!["blocks"]!.DeepClone() }.ToJsonString())).ToList();
        payloads.AddRange(Slack.CallsTo("views.open").Concat(Slack.CallsTo("views.update")).Select((c, i) => ($"modal-{i}-{c.Method}", BlockKitSurface.Modal, c.Json!["view"]!.ToJsonString())));
        var shownInPlace = Session.ModalAnswers.Where(a => a["response_action"]!.GetValue<string>() == "update").ToList();
        Assert.Equal(SectionInfo.All.Count - 1, shownInPlace.Count);
        payloads.AddRange(shownInPlace.Select((a, i) => ($"modal-update-answer-{i}", BlockKitSurface.Modal, a["view"]!.ToJsonString())));
        foreach (var (name, surface, json) in payloads)
        {
            Assert.True(BlockKitLimits.Violations(json, surface) is { Count: 0 }, $"{name}: {string.Join("; ", BlockKitLimits.Violations(json, surface))}");
        }

        var report = await NodeChecks.CheckBlockKitAsync(payloads);
        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public async Task A_past_date_keeps_the_modal_open_with_the_problem_under_its_input_and_saves_nothing()
    {
        Assert.Single(await Session.CommandAsync("Contoso.Web 2.4"));
        var (toSection2, _) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(OpenedModal(), SlackPayloads.Owner, SectionFormAnswers.For(Section.ScopeAndOverview)));
        var modal = toSection2!["view"]!.AsObject();
        var answers = SectionFormAnswers.For(Section.TimingAndDependencies);
        var good = answers["available-by"];
        answers["available-by"] = "2020-01-02";

        var (answer, sent) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, answers));

        Assert.Equal("errors", answer!["response_action"]!.GetValue<string>());
        var errors = answer["errors"]!.AsObject();
        Assert.Equal(["available-by"], errors.Select(e => e.Key));
        Assert.Contains("already past", errors["available-by"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(sent);
        var plan = await StoredAsync("2.4");
        Assert.All(PlanChecklist.In(Section.TimingAndDependencies), q => Assert.Null(plan.AnswerTo(q.Id)));

        // Put right in the same modal, the section saves whole.
        answers["available-by"] = good;
        var (fixedAnswer, _) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, answers));
        Assert.Equal("update", fixedAnswer!["response_action"]!.GetValue<string>());
        plan = await StoredAsync("2.4");
        Assert.All(PlanChecklist.In(Section.TimingAndDependencies), q => Assert.NotNull(plan.AnswerTo(q.Id)));
    }

    [Fact]
    public async Task Fill_in_opens_a_modal_at_once_and_fills_it_with_the_section_as_it_stands()
    {
        var started = Assert.Single(await Session.CommandAsync("Contoso.Web 2.4"));
        await Session.SayAsync("Checkout v3");

        await Session.PressAsync(started, SlackIds.OpenSection);

        var opening = OpenedModal();
        Assert.Equal("Section 1", opening["title"]!["text"]!.GetValue<string>());
        var filled = Assert.Single(Slack.CallsTo("views.update")).Json!;
        Assert.Equal("h1", filled["hash"]!.GetValue<string>());
        var modal = filled["view"]!.AsObject();
        Assert.Equal("section", modal["callback_id"]!.GetValue<string>());
        // The answer typed meanwhile is in its input.
        Assert.Contains("\"initial_value\":\"Checkout v3\"", modal.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(PostedTs(started), Metadata(modal)["message"]);
    }

    [Fact]
    public async Task A_section_filled_in_from_the_summary_leaves_the_summary_as_it_is_and_posts_its_read_back()
    {
        Assert.Single(await Session.CommandAsync("Contoso.Web 2.4"));
        var summary = Assert.Single(await Session.CommandAsync("status"), m => m.HasButton(SlackIds.OpenSection, "\"section\":2"));

        await Session.PressAsync(summary, SlackIds.OpenSection, fragment: "\"section\":2");
        var modal = Slack.CallsTo("views.update")[^1].Json!["view"]!.AsObject();
        Assert.Equal("Section 2 of 9", modal["title"]!["text"]!.GetValue<string>());
        Assert.False(Metadata(modal).ContainsKey("message"));
        var (answer, saved) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, SectionFormAnswers.For(Section.TimingAndDependencies)));

        Assert.DoesNotContain(saved, m => m.Method == "chat.update");
        Assert.Contains(saved, m => m.Method == "chat.postMessage" && m.Shows("Saved section 2"));
        Assert.Equal("Section 3 of 9", answer!["view"]!["title"]!["text"]!.GetValue<string>());
        var plan = await StoredAsync("2.4");
        Assert.All(PlanChecklist.In(Section.TimingAndDependencies), q => Assert.NotNull(plan.AnswerTo(q.Id)));
    }

    [Fact]
    public async Task A_modal_from_a_section_message_shown_before_the_plan_was_submitted_is_refused_and_saves_nothing()
    {
        Assert.Contains(await Session.MentionAsync("channel set Contoso.Web"), m => m.Shows("release channel for Contoso.Web"));
        var (_, summary) = await DraftAsync("2.4");
        var first = Slack.Messages().First(m => m.HasButton(SlackIds.OpenSection, "\"section\":1,\"revision\""));
        await Session.PressAsync(summary, SlackIds.SubmitPlan);
        var submitted = await StoredAsync("2.4");

        // The first section's message, from before the submission, opens its modal bound to the revision it showed.
        await Session.PressAsync(first, SlackIds.OpenSection);
        var modal = Slack.CallsTo("views.update")[^1].Json!["view"]!.AsObject();
        Assert.Equal("0", Metadata(modal)["revision"]);
        var (answer, sent) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, new Dictionary<string, string?> { ["features"] = "Something else entirely" }));

        Assert.Equal("update", answer!["response_action"]!.GetValue<string>());
        Assert.Contains("from before the plan for Contoso.Web 2.4 was submitted", answer["view"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => m.Method == "chat.update");
        var plan = await StoredAsync("2.4");
        Assert.Equal((PlanState.InReview, submitted.Revision, "Answer to features & <more>"), (plan.State, plan.Revision, plan.AnswerTo("features")!.Value.Text));
    }

    [Fact]
    public async Task On_a_plan_started_from_a_baseline_a_section_is_kept_as_it_is_and_an_answer_at_a_time_in_place()
    {
        await DraftAsync("2.4");
        Assert.Contains(await Session.CommandAsync("Contoso.Web 2.5"), m => m.Shows("baseline"));
        var form = Assert.Single(await Session.CommandAsync("baseline"), m => m.HasButton(SlackIds.KeepSection));
        var section = int.Parse(FlatJson.Read(form.ButtonValue(SlackIds.KeepSection))["section"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains((await StoredAsync("2.5")).Answers.Values, a => a.IsUnconfirmed && PlanChecklist.Get(a.QuestionId).Section == (Section)section);

        var kept = await Session.PressAsync(form, SlackIds.KeepSection);

        var readBack = Assert.Single(kept, m => m.Method == "chat.update");
        Assert.Equal(PostedTs(form), readBack.Ts);
        Assert.True(readBack.Shows($"Saved section {section}"), readBack.Readable);
        Assert.DoesNotContain((await StoredAsync("2.5")).Answers.Values, a => a.IsUnconfirmed && PlanChecklist.Get(a.QuestionId).Section == (Section)section);

        // The next section's message: one carried-over answer kept, in place.
        var next = Assert.Single(kept, m => m.Method == "chat.postMessage" && m.HasButton(SlackIds.KeepAnswer));
        var keep = next.Buttons.First(b => b.ActionId == SlackIds.KeepAnswer).Value;
        var question = PlanChecklist.Get(FlatJson.Read(keep)["questionId"]);
        var once = await Session.InteractAsync(SlackPayloads.BlockAction(SlackIds.KeepAnswer, keep, SlackPayloads.Owner, SlackPayloads.OwnerDm, "directmessage", PostedTs(next)));

        var updated = Assert.Single(once);
        Assert.Equal(("chat.update", PostedTs(next)), (updated.Method, updated.Ts));
        Assert.True(updated.Shows($"Kept \"{question.Text}\" for this release."), updated.Readable);
        Assert.False((await StoredAsync("2.5")).AnswerTo(question.Id)!.IsUnconfirmed);
    }

    [Fact]
    public async Task Typed_answers_still_answer_a_section_shown_as_a_message()
    {
        var started = Assert.Single(await Session.CommandAsync("Contoso.Web 2.4"));
        Assert.True(started.Shows(PlanChecklist.Questions[0].Text), started.Readable);

        var asked = Assert.Single(await Session.SayAsync("Checkout v3"));

        Assert.True(asked.Shows(PlanChecklist.Questions[1].Text), asked.Readable);
        Assert.Equal("Checkout v3", (await StoredAsync("2.4")).AnswerTo(PlanChecklist.Questions[0].Id)!.Value.Text);
    }
}

/// <summary>When the engine's answer comes after Slack stopped waiting, the modal closes and the answer is shown in the conversation.</summary>
public sealed class LateSectionModalTests : HostTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartAsync(settings => settings["Slack:ModalWait"] = "00:00:00");
    }

    private async Task<JsonObject> FillInAsync(ApiCall message)
    {
        await Session.PressAsync(message, SlackIds.OpenSection);
        return Slack.CallsTo("views.update")[^1].Json!["view"]!.AsObject();
    }

    [Fact]
    public async Task A_late_answer_closes_the_modal_and_the_section_message_shows_it_in_place()
    {
        var first = Assert.Single(await Session.CommandAsync("Contoso.Web 2.4"));
        // Too late for the command's trigger as well: no modal opens by itself; the message's button opens one.
        Assert.Empty(Slack.CallsTo("views.open"));

        var (closed, saved) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(await FillInAsync(first), SlackPayloads.Owner, SectionFormAnswers.For(Section.ScopeAndOverview)));

        Assert.Null(closed);
        Assert.Contains(saved, m => m.Method == "chat.update" && m.Ts == Slack.PostedTs[first.Sequence] && m.Shows("Saved section 1"));
        var second = Assert.Single(saved, m => m.Method == "chat.postMessage" && m.HasButton(SlackIds.OpenSection, "\"section\":2"));
        var answers = SectionFormAnswers.For(Section.TimingAndDependencies);
        answers["available-by"] = "2020-01-02";

        var (alsoClosed, shown) = await Session.SubmitAsync(SlackPayloads.ModalSubmission(await FillInAsync(second), SlackPayloads.Owner, answers));

        Assert.Null(alsoClosed);
        var inPlace = Assert.Single(shown);
        Assert.Equal(("chat.update", Slack.PostedTs[second.Sequence]), (inPlace.Method, inPlace.Ts));
        Assert.True(inPlace.Shows("You gave: 2020-01-02"), inPlace.Readable);
        Assert.True(inPlace.Shows("already past"), inPlace.Readable);
    }
}
