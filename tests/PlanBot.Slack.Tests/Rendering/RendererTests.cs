using System.Text.Json.Nodes;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Checks;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Rendering;

public sealed class RendererTests
{
    private const string Hostile = "<!channel> & <@U0EVIL> <https://evil.example|click me>";

    private static JsonArray Blocks(BlockKitMessage message) => JsonNode.Parse(SlackViewRenderer.BlocksJson(message))!.AsArray();

    private static string Json(BlockKitMessage message) => SlackViewRenderer.MessageJson(message);

    [Fact]
    public void User_text_is_escaped_so_it_cannot_mention_or_link()
    {
        var plan = SamplePlans.CompleteInSlack(q => q.Id == "features" ? Hostile : $"Answer to {q.Id}");
        var question = Interview.Ask(plan, PlanChecklist.Get("features"), problem: $"I could not read \"{Hostile}\"");

        var json = Json(QuestionBlocks.Render(question));

        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0EVIL>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://", json, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt; &amp; &lt;@U0EVIL&gt;", JsonNode.Parse(json)!["blocks"]!.ToJsonString(Unescaped), StringComparison.Ordinal);
    }

    [Fact]
    public void The_escape_covers_exactly_ampersand_and_angle_brackets()
    {
        Assert.Equal("a &amp; b &lt;c&gt; *d* _e_ `f`", SlackMrkdwn.Escape("a & b <c> *d* _e_ `f`"));
    }

    [Fact]
    public void A_long_current_answer_is_cut_with_a_pointer_to_the_full_answer()
    {
        var plan = SamplePlans.CompleteInSlack(q => q.Id == "features" ? new string('&', 2000) : "short");
        var question = Interview.Ask(plan, PlanChecklist.Get("features"));

        var texts = Blocks(QuestionBlocks.Render(question)).Select(b => b!["text"]?["text"]?.GetValue<string>()).OfType<string>().ToList();

        var answer = Assert.Single(texts, t => t.StartsWith("&amp;", StringComparison.Ordinal));
        Assert.True(answer.Length <= BlockLimits.SectionText);
        Assert.EndsWith(SlackMrkdwn.FullAnswer, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp… (", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_never_cuts_inside_an_entity_or_past_the_limit()
    {
        for (var max = 40; max < 60; max++)
        {
            var fitted = SlackMrkdwn.Fit(new string('<', 100), max);

            Assert.True(fitted.Length <= max, $"{fitted.Length} > {max}");
            Assert.Matches("^(&lt;)*… \\(full answer", fitted);
        }
    }

    [Fact]
    public void The_approval_message_has_approve_and_reject_bound_to_the_revision()
    {
        var plan = SamplePlans.InReviewInSlack();
        var message = ApprovalBlocks.Render(ApprovalViews.Build(plan, forApprover: false));

        var actions = Assert.Single(Blocks(message), b => b!["type"]!.GetValue<string>() == "actions")!;
        Assert.Equal(SlackIds.ApprovalBlock, actions["block_id"]!.GetValue<string>());
        var approve = actions["elements"]![0]!;
        var reject = actions["elements"]![1]!;
        var value = $$"""{"planId":"plan-1","revision":{{plan.Revision}}}""";
        Assert.Equal(("approve", "primary", value), (approve["action_id"]!.GetValue<string>(), approve["style"]!.GetValue<string>(), approve["value"]!.GetValue<string>()));
        Assert.Equal(("reject", "danger", value), (reject["action_id"]!.GetValue<string>(), reject["style"]!.GetValue<string>(), reject["value"]!.GetValue<string>()));
        Assert.NotNull(approve["confirm"]);
    }

    [Fact]
    public void The_approval_message_warns_approvers_of_schedule_problems()
    {
        var view = ApprovalViews.Build(SamplePlans.InReviewInSlack(), forApprover: false);
        view = view with { Summary = view.Summary with { Warnings = ["The deployment must be completed by Mon 1 Mar, after the features must be available (Fri 26 Feb).", "The window <starts> in the past."] } };

        var json = Blocks(ApprovalBlocks.Render(view)).ToJsonString(Unescaped);

        Assert.Contains("⚠️ The deployment must be completed by Mon 1 Mar, after the features must be available (Fri 26 Feb).", json, StringComparison.Ordinal);
        Assert.Contains("⚠️ The window &lt;starts&gt; in the past.", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_approval_message_lists_the_deployments_the_plan_gates_escaped()
    {
        var view = ApprovalViews.Build(SamplePlans.InReviewInSlack(), forApprover: false) with
        {
            Gates = ["GitHub: contoso/web, environment <production>, v2.4, run 812 · waiting for approval", "Azure Pipelines: environment production, run 20270310.1 · told to go ahead on 3 Dec 12:00 UTC"],
        };

        var section = Blocks(ApprovalBlocks.Render(view))
            .Select(b => b!["text"]?["text"]?.GetValue<string>())
            .Single(t => t?.StartsWith("*Deployments gated by this plan*", StringComparison.Ordinal) == true)!;

        Assert.Equal(
            "*Deployments gated by this plan*\n• GitHub: contoso/web, environment &lt;production&gt;, v2.4, run 812 · waiting for approval\n• Azure Pipelines: environment production, run 20270310.1 · told to go ahead on 3 Dec 12:00 UTC",
            section);
    }

    [Fact]
    public void The_approval_message_names_approvers_as_mentions_and_shows_stale_decisions_struck()
    {
        var plan = SamplePlans.InReviewInSlack().Decide(SlackUsers.Approver, Verdict.Approve, null, SamplePlans.Now);
        plan = plan.WithAnswer(new Answer("risks", new AnswerValue { Text = "A new risk" }, new Provenance(SlackUsers.Owner, SamplePlans.Now, "slack")), SamplePlans.Now);
        plan = plan.Decide(SlackUsers.Approver, Verdict.Reject, "Rollback <untested> & risky", SamplePlans.Now);

        var json = Blocks(ApprovalBlocks.Render(ApprovalViews.Build(plan, forApprover: false))).ToJsonString(Unescaped);

        Assert.Contains($"<@{SlackPayloads.Approver}>", json, StringComparison.Ordinal);
        Assert.Contains("~✅ Megan Bowen approved revision", json, StringComparison.Ordinal);
        Assert.Contains("❌ Megan Bowen rejected revision", json, StringComparison.Ordinal);
        Assert.Contains("Rollback &lt;untested&gt; &amp; risky", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_essentials_on_the_approval_message_are_cut_with_a_pointer_to_show()
    {
        var plan = SamplePlans.InReviewInSlack(q => q.Id == "features" ? new string('f', 2900) : "short");

        var json = Blocks(ApprovalBlocks.Render(ApprovalViews.Build(plan, forApprover: false))).ToJsonString(Unescaped);

        Assert.Contains("*What:* fff", json, StringComparison.Ordinal);
        Assert.Contains(SlackMrkdwn.FullAnswer, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_mentions_are_real_mentions_and_unknown_people_are_names()
    {
        var notice = new NoticeView("Please review", Tone.Warning, [SlackUsers.Approver, new PersonRef(string.Empty, "x", Upn: "pat@contoso.com")]);

        var text = Blocks(NoticeBlocks.Render(notice))[0]!["text"]!["text"]!.GetValue<string>();

        Assert.Equal($"⚠️ Please review\n<@{SlackPayloads.Approver}>, x", text);
    }

    [Fact]
    public void A_long_notice_fills_several_sections_within_the_limits()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 400).Select(i => $"- plan {i}: a draft, 40% complete, owner Alex Wilber"));

        var message = NoticeBlocks.Render(new NoticeView(lines));

        Assert.True(message.Blocks.Count > 1);
        Assert.Empty(BlockKitLimits.Violations(Json(message), BlockKitSurface.Message));
    }

    [Fact]
    public void A_section_handed_to_a_developer_shows_who_has_it_until_it_is_complete()
    {
        var plan = SamplePlans.CompleteInSlack()
            .WithoutAnswer("delivery-contacts", SlackUsers.Owner, SamplePlans.Now)
            .Assign(Domain.Checklist.Section.DeliveryTeam, SlackUsers.Developer, SlackUsers.Owner, SamplePlans.Now);

        var open = Blocks(PlanSummaryBlocks.Render(PlanSummaries.Build(plan, full: false))).ToJsonString(Unescaped);
        var done = Blocks(PlanSummaryBlocks.Render(PlanSummaries.Build(
            plan.WithAnswer(new Answer("delivery-contacts", new AnswerValue { Text = "On-call rota" }, new Provenance(SlackUsers.Developer, SamplePlans.Now, "slack")), SamplePlans.Now),
            full: false))).ToJsonString(Unescaped);

        Assert.Contains("⬜ *6. Delivery team* (1/2) · with Diego Siciliani", open, StringComparison.Ordinal);
        Assert.DoesNotContain("with Diego Siciliani", done, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_summary_of_long_answers_stays_within_the_limits()
    {
        var plan = SamplePlans.CompleteInSlack(q => new string('a', 2990));

        var message = PlanSummaryBlocks.Render(PlanSummaries.Build(plan, full: true));
        var json = Json(message);

        Assert.Empty(BlockKitLimits.Violations(json, BlockKitSurface.Message));
        Assert.True(json.Length < 40_000, $"{json.Length} characters");
        Assert.Contains("cut to fit", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_export_shows_the_document_verbatim_and_the_link()
    {
        var export = new ExportView("Contoso.Web 2.4", "# Plan\n**What** <@U0EVIL> & ```x```", new Uri("https://planbot.contoso.com/export/plan-1?sig=a&exp=b"), TimeSpan.FromMinutes(15));

        var texts = Blocks(ExportBlocks.Render(export)).Select(b => b!["text"]?["text"]?.GetValue<string>()).OfType<string>().ToList();

        Assert.Equal("```\n# Plan\n**What** &lt;@U0EVIL&gt; &amp; ʼʼʼxʼʼʼ\n```", texts[1]);
        Assert.Equal("<https://planbot.contoso.com/export/plan-1?sig=a&amp;exp=b|Download the plan as Markdown> (the link works for 15 minutes)", texts[2]);
    }

    [Fact]
    public void The_reply_channel_renders_the_blocks_array_and_a_fallback_text()
    {
        var channel = new SlackReplyChannel(null!, new SlackInstallations(), Microsoft.Extensions.Logging.Abstractions.NullLogger<SlackReplyChannel>.Instance);
        var plan = SamplePlans.CompleteInSlack();

        var rendered = channel.Render(PlanSummaries.Build(plan, full: false), null!);

        Assert.Equal("application/vnd.slack.blocks+json", rendered.CardContentType);
        Assert.IsType<JsonArray>(JsonNode.Parse(rendered.CardJson!));
        Assert.StartsWith("Deployment plan for Contoso.Web 2.4: 100% complete", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reject_modal_carries_the_plan_revision_and_conversation()
    {
        var modal = RejectModal.Build("plan-1", "3", "C0RELEASE:1700000000.000100", "releases");

        Assert.Equal("reject", modal.CallbackId);
        Assert.Equal("""{"planId":"plan-1","revision":3,"conversation":"C0RELEASE:1700000000.000100","channelName":"releases"}""", modal.PrivateMetadata);
        var input = Assert.IsType<InputBlock>(modal.Blocks[^1]);
        var box = Assert.IsType<PlainTextInputElement>(input.Element);
        Assert.True(box.Multiline);
        Assert.Null(input.Optional);
        Assert.Equal(("reason", "reason"), (input.BlockId, box.ActionId));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
