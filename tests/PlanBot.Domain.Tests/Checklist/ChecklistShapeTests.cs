using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Tests.Checklist;

/// <summary>
/// The checklist's ids, follow-ups and hints. Stored plans key their answers by question id, so an
/// id that changed would orphan every answer given to it.
/// </summary>
public sealed class ChecklistShapeTests
{
    [Fact]
    public void Question_ids_are_the_keys_stored_plans_use_in_interview_order()
    {
        Assert.Equal(
            [
                "features", "valuable-features", "components", "why",
                "available-by", "deployed-by", "deployment-window", "rollout-order",
                "risks",
                "end-users", "training", "user-locations", "user-infrastructure", "stakeholders",
                "approvers",
                "delivery-team", "delivery-contacts",
                "support", "support-ready", "handover", "escalation",
                "done", "success-evidence",
                "backout-triggers", "backout-steps", "backout-decider", "backout-compatibility", "backout-duration",
            ],
            PlanChecklist.Questions.Select(q => q.Id));
    }

    [Theory]
    [InlineData("valuable-features", "features")]
    [InlineData("components", "features")]
    [InlineData("deployed-by", "available-by")]
    [InlineData("training", "end-users")]
    [InlineData("user-infrastructure", "user-locations")]
    [InlineData("delivery-contacts", "delivery-team")]
    [InlineData("support-ready", "support")]
    [InlineData("escalation", "handover")]
    [InlineData("success-evidence", "done")]
    [InlineData("backout-steps", "backout-triggers")]
    [InlineData("backout-duration", "backout-steps")]
    public void Follow_up_names_the_item_it_follows_up(string followUp, string item)
    {
        Assert.Equal(item, PlanChecklist.Get(followUp).FollowUpOf);
    }

    [Fact]
    public void Only_the_follow_ups_follow_anything_up()
    {
        string[] followUps = ["valuable-features", "components", "deployed-by", "training", "user-infrastructure", "delivery-contacts", "support-ready", "escalation", "success-evidence", "backout-steps", "backout-duration"];

        Assert.Equal(followUps, PlanChecklist.Questions.Where(q => q.FollowUpOf is not null).Select(q => q.Id));
    }

    [Theory]
    [InlineData("features", "one per line or separated by commas")]
    [InlineData("components", "with its version")]
    [InlineData("risks", "\"none known\"")]
    [InlineData("delivery-contacts", "on-call rota")]
    public void Questions_that_are_easy_to_answer_vaguely_carry_a_hint(string questionId, string hint)
    {
        Assert.Contains(hint, PlanChecklist.Get(questionId).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_for_a_question_that_does_not_exist_names_it()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => PlanChecklist.Get("favourite-colour"));

        Assert.Equal(("id", "favourite-colour"), (refused.ParamName, refused.ActualValue));
        Assert.StartsWith("No such checklist question.", refused.Message, StringComparison.Ordinal);
    }
}
