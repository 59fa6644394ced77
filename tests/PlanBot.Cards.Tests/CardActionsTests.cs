using PlanBot.Cards.Actions;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Cards.Tests;

/// <summary>
/// A pressed button's verb and data (with the card's inputs merged in) read as the action it asks for.
/// Cards already posted in chats carry these names, so reading them must not change.
/// </summary>
public sealed class CardActionsTests
{
    private static Dictionary<string, string> Data(params (string Key, string Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    [Fact]
    public void Save_answer_names_its_plan_and_question_and_carries_the_input()
    {
        var action = CardActions.Read("answer", Data(("verb", "answer"), ("planId", "p1"), ("questionId", "features"), ("answer", "  Checkout v3  ")));

        Assert.Equal(new AnswerAction("p1", "features", "Checkout v3"), action);
    }

    [Fact]
    public void A_yes_no_answer_is_joined_with_its_detail_as_typed()
    {
        var action = CardActions.Read("answer", Data(("planId", "p1"), ("questionId", "training"), ("answer", "yes"), ("detail", " a one-hour walkthrough ")));

        Assert.Equal(new AnswerAction("p1", "training", "yes, a one-hour walkthrough"), action);
    }

    [Fact]
    public void An_older_card_without_ids_answers_the_open_question()
    {
        Assert.Equal(new AnswerAction(null, null, "Checkout v3"), CardActions.Read("answer", Data(("answer", "Checkout v3"), ("planId", string.Empty))));
        Assert.Equal(new SkipAction(null, null), CardActions.Read("skip", Data()));
    }

    [Fact]
    public void Save_and_submit_reads_as_the_section_saved_with_the_plan_to_be_sent()
    {
        var action = Assert.IsType<SaveSectionAction>(CardActions.Read("saveAndSubmit", Data(("planId", "p1"), ("section", "9"), ("revision", "24"), ("backout-duration", " 25 minutes "))));

        Assert.True(action.Submit);
        Assert.Equal(("p1", 9, 24), (action.PlanId, action.Section, action.Revision));
        Assert.Equal("25 minutes", action.Answers["backout-duration"].Trim());
        Assert.False(Assert.IsType<SaveSectionAction>(CardActions.Read("saveSection", Data(("planId", "p1"), ("section", "9")))).Submit);
    }

    [Fact]
    public void Approve_and_reject_are_bound_to_the_revision_shown()
    {
        Assert.Equal(new DecideAction("p1", 7, Verdict.Approve, null), CardActions.Read("approve", Data(("planId", "p1"), ("revision", "7"), ("reason", "ignored on approve"))));
        Assert.Equal(new DecideAction("p1", 7, Verdict.Reject, "Not rehearsed"), CardActions.Read("reject", Data(("planId", "p1"), ("revision", "7"), ("reason", " Not rehearsed "))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("seven")]
    [InlineData("99999999999")]
    public void A_revision_that_is_not_a_number_is_none(string revision)
    {
        Assert.Equal(new DecideAction("p1", null, Verdict.Approve, null), CardActions.Read("approve", Data(("planId", "p1"), ("revision", revision))));
    }

    [Fact]
    public void The_refresh_names_the_plan()
    {
        Assert.Equal(new RefreshApprovalAction("p1"), CardActions.Read("refreshView", Data(("planId", "p1"))));
    }

    [Fact]
    public void An_unknown_verb_is_kept_as_such()
    {
        Assert.Equal(new UnknownAction("launch"), CardActions.Read("launch", Data(("planId", "p1"))));
    }
}
