using System.Text.Json.Nodes;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Testing;

namespace PlanBot.Cards.Tests;

/// <summary>
/// The approval card: approvers get Approve / Reject bound to the revision they saw; everyone
/// else the same card without them; both refresh for the approvers.
/// </summary>
public sealed class ApprovalCardTests
{
    [Theory]
    [InlineData("approval-read-only")]
    [InlineData("approval-for-approver")]
    public void Both_variants_are_version_1_5_and_refresh_for_the_approvers(string name)
    {
        var card = Card(name);

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var refresh = card["refresh"]!;
        Assert.Equal(
            """{"type":"Action.Execute","title":"Refresh","verb":"refreshView","data":{"planId":"plan-contoso-web-2.4"}}""",
            refresh["action"]!.ToJsonString());
        Assert.Equal("""["29:1-alex","29:1-megan"]""", refresh["userIds"]!.ToJsonString());
    }

    [Fact]
    public void Refresh_names_at_most_60_approvers_and_only_those_with_a_Teams_id()
    {
        var approvers = Enumerable.Range(0, 75).Select(i => new PersonRef($"29:1-approver-{i}", $"Approver {i}"))
            .Prepend(People.LeeByEmail)
            .ToList();
        var plan = SamplePlans.Answered().WithAnswer(
            new Answer("approvers", new AnswerValue { Text = "75 approvers", People = approvers }, new Provenance(People.Owner, SamplePlans.Now, "msteams")),
            SamplePlans.Now);

        var card = CardJson.Parse(AdaptiveCardRenderer.Render(SampleViews.Approval(plan, forApprover: false)).Json);

        var userIds = card["refresh"]!["userIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        Assert.Equal(60, userIds.Count);
        Assert.Equal(approvers.Skip(1).Take(60).Select(a => a.Id), userIds);
    }

    [Fact]
    public void The_card_and_its_text_list_the_deployments_the_plan_gates()
    {
        var view = SampleViews.Approval(SamplePlans.InReviewWaitingForAlex(), forApprover: false) with
        {
            Gates = ["Azure Pipelines: environment production, run 20270310.1 · waiting for approval"],
        };

        var card = AdaptiveCardRenderer.Render(view).Json;
        var text = PlanBot.Cards.Text.TextRenderer.Render(view);

        Assert.Contains("Deployments gated by this plan", card, StringComparison.Ordinal);
        Assert.Contains("Azure Pipelines: environment production, run 20270310.1 · waiting for approval", card, StringComparison.Ordinal);
        Assert.Contains("Deployments gated by this plan:\n- Azure Pipelines: environment production, run 20270310.1 · waiting for approval", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deployments gated", AdaptiveCardRenderer.Render(view with { Gates = null }).Json, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_approver_resolved_nobody_is_refreshed_automatically()
    {
        var plan = SamplePlans.Answered().WithAnswer(
            new Answer("approvers", new AnswerValue { Text = "lee", People = [People.LeeByEmail] }, new Provenance(People.Owner, SamplePlans.Now, "msteams")),
            SamplePlans.Now);

        var card = CardJson.Parse(AdaptiveCardRenderer.Render(SampleViews.Approval(plan, forApprover: false)).Json);

        Assert.Equal("[]", card["refresh"]!["userIds"]!.ToJsonString());
    }

    [Fact]
    public void An_approver_gets_a_reason_box_and_Approve_and_Reject_for_this_revision()
    {
        var card = Card("approval-for-approver");
        var body = card["body"]!.AsArray().Select(e => e!.AsObject()).ToList();

        var reason = body.Single(e => e["type"]!.GetValue<string>() == "Input.Text");
        Assert.Equal(("reason", "Reason (required to reject)"), (reason["id"]!.GetValue<string>(), reason["label"]!.GetValue<string>()));

        var actions = body.Single(e => e["type"]!.GetValue<string>() == "ActionSet")["actions"]!.AsArray();
        var revision = SamplePlans.InReviewWaitingForAlex().Revision;
        Assert.Equal(
            $$$"""{"type":"Action.Execute","title":"Approve","verb":"approve","data":{"planId":"plan-contoso-web-2.4","revision":{{{revision}}}},"associatedInputs":"none","fallback":{"type":"Action.Submit","title":"Approve","data":{"verb":"approve","planId":"plan-contoso-web-2.4","revision":{{{revision}}}},"associatedInputs":"none"}}""",
            actions[0]!.ToJsonString());
        Assert.Equal(
            $$$"""{"type":"Action.Execute","title":"Reject","verb":"reject","data":{"planId":"plan-contoso-web-2.4","revision":{{{revision}}}},"associatedInputs":"auto","fallback":{"type":"Action.Submit","title":"Reject","data":{"verb":"reject","planId":"plan-contoso-web-2.4","revision":{{{revision}}}},"associatedInputs":"auto"}}""",
            actions[1]!.ToJsonString());
    }

    [Fact]
    public void Everyone_else_sees_no_input_and_no_decision_button()
    {
        var card = Card("approval-read-only");

        var types = CardJson.Typed(card).Where(t => !t.Path.StartsWith("$.refresh", StringComparison.Ordinal)).Select(t => CardJson.TypeOf(t.Node)).ToList();
        Assert.DoesNotContain(types, t => t.StartsWith("Input.", StringComparison.Ordinal) || t == "Action.Execute" || t == "Action.Submit");
        Assert.Contains(CardJson.MarkdownTexts(card), t => t.StartsWith("Only the approvers named in section 5", StringComparison.Ordinal));
    }

    [Fact]
    public void The_card_shows_state_quorum_each_approvers_standing_and_the_history_with_stale_decisions_marked()
    {
        var card = Card("approval-read-only");
        var texts = CardJson.MarkdownTexts(card).ToList();

        Assert.Contains("in review", texts);
        Assert.Contains("every approver", texts);
        var facts = CardJson.Typed(card).Where(t => CardJson.TypeOf(t.Node) == "FactSet").SelectMany(t => t.Node["facts"]!.AsArray()).ToList();
        Assert.StartsWith("⏳ Waiting", facts.Single(f => f!["title"]!.GetValue<string>() == "Alex Wilber")!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("✅ Approved", facts.Single(f => f!["title"]!.GetValue<string>() == "Megan Bowen")!["value"]!.GetValue<string>(), StringComparison.Ordinal);

        var history = CardJson.Typed(card).Select(t => t.Node).Where(n => CardJson.TypeOf(n) == "TextBlock" && n["text"]!.GetValue<string>().Contains(" by ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal([true, true, false], history.Select(h => h["text"]!.GetValue<string>().Contains("stale: the plan changed after it", StringComparison.Ordinal)));
        Assert.Equal([true, true, false], history.Select(h => h["isSubtle"]?.GetValue<bool>() ?? false));
    }

    [Fact]
    public void A_rejection_reason_is_escaped()
    {
        var texts = CardJson.MarkdownTexts(Card("approval-read-only"));

        Assert.Contains(texts, t => t.EndsWith(@"Reason: The rollback plan for migration 0042 is missing. See \[runbook\]\(https://evil) &lt;at&gt;Boss&lt;/at&gt; \*\*now\*\*", StringComparison.Ordinal));
    }

    [Fact]
    public void The_plan_itself_unfolds_under_Show_the_plan_with_every_answer()
    {
        var showCard = Card("approval-for-approver")["actions"]!.AsArray().Single()!;

        Assert.Equal(("Action.ShowCard", "Show the plan"), (showCard["type"]!.GetValue<string>(), showCard["title"]!.GetValue<string>()));
        var nested = showCard["card"]!.AsObject();
        Assert.Null(nested["version"]);
        var texts = CardJson.MarkdownTexts(nested).ToList();
        foreach (var question in PlanChecklist.Questions)
        {
            Assert.Contains(texts, t => t.StartsWith($"**{CardText.EscapeInline(question.Text)}**", StringComparison.Ordinal));
        }
    }

    private static JsonObject Card(string name) => CardJson.Parse(SampleCards.Named(name).Json);
}
