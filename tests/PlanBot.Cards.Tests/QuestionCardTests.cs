using System.Text.Json.Nodes;
using PlanBot.Cards.Actions;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Checklist;
using PlanBot.Testing;

namespace PlanBot.Cards.Tests;

/// <summary>A question card asks with an input that fits the answer kind and sends what the engine reads.</summary>
public sealed class QuestionCardTests
{
    public static IEnumerable<object[]> QuestionIds => PlanChecklist.Questions.Select(q => new object[] { q.Id });

    [Theory]
    [MemberData(nameof(QuestionIds))]
    public void Every_question_has_labelled_inputs_and_saves_under_the_answer_id(string questionId)
    {
        var card = CardJson.Parse(SampleCards.Named($"question-{questionId}").Json);

        var inputs = Inputs(card).ToList();
        Assert.Contains(inputs, i => i["id"]!.GetValue<string>() == CardInputIds.Answer);
        Assert.All(inputs, i => Assert.False(string.IsNullOrWhiteSpace(i["label"]?.GetValue<string>())));
        Assert.All(inputs, i => Assert.NotNull(i["isRequired"]));
        Assert.All(inputs, i => Assert.False(string.IsNullOrWhiteSpace(i["errorMessage"]?.GetValue<string>())));
        Assert.All(inputs.Where(i => i["id"]!.GetValue<string>() == CardInputIds.Answer), i => Assert.True(i["isRequired"]!.GetValue<bool>()));

        var save = Action(card, "Save answer");
        Assert.Equal("Action.Submit", save["type"]!.GetValue<string>());
        Assert.Equal(
            new JsonObject { ["verb"] = "answer", ["planId"] = "plan-contoso-web-2.4", ["questionId"] = questionId }.ToJsonString(),
            save["data"]!.ToJsonString());
        Assert.Null(save["associatedInputs"]);

        var skip = Action(card, "Skip");
        Assert.Equal("skip", skip["data"]!["verb"]!.GetValue<string>());
        Assert.Equal(questionId, skip["data"]!["questionId"]!.GetValue<string>());
        Assert.Equal("none", skip["associatedInputs"]!.GetValue<string>());
    }

    [Fact]
    public void Free_text_is_a_multiline_box_as_long_as_an_answer_may_be()
    {
        var input = Assert.Single(Inputs(Card("question-risks")));

        Assert.Equal(("Input.Text", true, 3000), (input["type"]!.GetValue<string>(), input["isMultiline"]!.GetValue<bool>(), input["maxLength"]!.GetValue<int>()));
    }

    [Fact]
    public void A_date_is_a_date_picker_with_a_text_box_for_hosts_without_one()
    {
        var input = Assert.Single(Inputs(Card("question-deployed-by")));

        Assert.Equal("Input.Date", input["type"]!.GetValue<string>());
        Assert.Null(input["min"]);
        Assert.Equal("Input.Text", input["fallback"]!["type"]!.GetValue<string>());
        Assert.Equal(CardInputIds.Answer, input["fallback"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void A_date_already_answered_is_the_pickers_value()
    {
        var input = Assert.Single(Inputs(Card("question-available-by")));

        Assert.Equal("2027-03-15", input["value"]!.GetValue<string>());
    }

    [Fact]
    public void A_time_window_is_a_text_box_showing_the_form()
    {
        var input = Assert.Single(Inputs(Card("question-deployment-window")));

        Assert.Equal("Input.Text", input["type"]!.GetValue<string>());
        Assert.Equal("2027-03-15 22:00 to 2027-03-16 02:00", input["placeholder"]!.GetValue<string>());
    }

    [Fact]
    public void People_are_typed_by_email_and_the_card_says_mentions_need_a_reply()
    {
        var card = Card("question-approvers");
        var input = Assert.Single(Inputs(card));

        Assert.Equal("alex@contoso.com, @mention", input["placeholder"]!.GetValue<string>());
        Assert.Contains(CardJson.MarkdownTexts(card), t => t.Contains("Card inputs cannot @mention", StringComparison.Ordinal));
    }

    [Fact]
    public void Yes_or_no_is_a_compact_choice_and_an_optional_detail()
    {
        var inputs = Inputs(Card("question-training")).ToList();

        Assert.Equal(["answer", "detail"], inputs.Select(i => i["id"]!.GetValue<string>()));
        var choice = inputs[0];
        Assert.Equal(("Input.ChoiceSet", "compact"), (choice["type"]!.GetValue<string>(), choice["style"]!.GetValue<string>()));
        Assert.Equal("""[{"title":"Yes","value":"yes"},{"title":"No","value":"no"}]""", choice["choices"]!.ToJsonString());
        Assert.False(inputs[1]["isRequired"]!.GetValue<bool>());
    }

    [Fact]
    public void The_header_places_the_question_and_the_question_is_a_heading()
    {
        var texts = CardJson.MarkdownTexts(Card("question-training")).ToList();

        Assert.Equal($"Contoso.Web 2.4 · section 4, Impacted organisation · question 11 of {PlanChecklist.Count}", texts[0]);
        var heading = Card("question-training")["body"]![1]!;
        Assert.Equal(("Do they need special training?", "heading"), (heading["text"]!.GetValue<string>(), heading["style"]!.GetValue<string>()));
    }

    [Fact]
    public void A_refused_reply_shows_its_problem_in_the_attention_colour_escaped()
    {
        var problem = Card("question-refused-hostile")["body"]![1]!;

        Assert.Equal("attention", problem["color"]!.GetValue<string>());
        Assert.Contains(@"\[click\]\(https://evil) &lt;at&gt;Boss&lt;/at&gt; \*\*bold\*\*", problem["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Typing_is_offered_and_in_a_channel_it_names_the_mention()
    {
        Assert.Contains(CardJson.MarkdownTexts(Card("question-training")), t => t.StartsWith("You can also type your answer as a reply", StringComparison.Ordinal));
        Assert.Contains(CardJson.MarkdownTexts(Card("question-in-channel")), t => t.Contains("@mentions PlanBot", StringComparison.Ordinal));
    }

    [Fact]
    public void The_current_answer_is_shown_escaped()
    {
        var plan = SamplePlans.WithCarriedOver().WithAnswer(SamplePlans.Read(PlanChecklist.Get("why"), Hostile.Answer), SamplePlans.Now);

        var card = CardJson.Parse(AdaptiveCardRenderer.Render(Interview.Ask(plan, PlanChecklist.Get("why")), new CardAudience(ConversationKind.Personal)).Json);

        Assert.Contains(CardJson.MarkdownTexts(card), t => t == @"**Current answer:** \[click\]\(https://evil) &lt;at&gt;Boss&lt;/at&gt; \*\*bold\*\*");
    }

    private static JsonObject Card(string name) => CardJson.Parse(SampleCards.Named(name).Json);

    private static IEnumerable<JsonObject> Inputs(JsonObject card) =>
        card["body"]!.AsArray().Select(e => e!.AsObject()).Where(e => e["type"]!.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal));

    private static JsonObject Action(JsonObject card, string title) =>
        card["actions"]!.AsArray().Select(a => a!.AsObject()).Single(a => a["title"]!.GetValue<string>() == title);
}
