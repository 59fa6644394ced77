using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// The last open section's form sends the plan ("Save and submit"), so a first plan takes one
/// press fewer; and the backout plan, section 9, is required unless a release admin makes it optional.
/// </summary>
public sealed class SectionFormScriptTests
{
    private readonly BotWorld world = new();

    private Plan Stored => world.PlanOf("Contoso.Web", "2.4");

    /// <summary>Sections 1 to 8 typed in, with the release channel set: only the backout plan is open.</summary>
    private async Task<ChatScript> AllButTheBackoutPlan()
    {
        await world.SetReleaseChannel(TestPeople.Alex, "Contoso.Web");
        var dana = world.Chat(TestPeople.Dana);
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo(PlanChecklist.BackoutTriggers, world.Now);
        return dana;
    }

    private static Dictionary<string, string> BackoutAnswers() => new(StringComparer.Ordinal)
    {
        [PlanChecklist.BackoutTriggers] = "Smoke tests failing 20 minutes into the window",
        [PlanChecklist.BackoutSteps] = "Swap the slots back, then redeploy the API",
        [PlanChecklist.BackoutDecider] = "megan@contoso.com",
        ["backout-compatibility"] = "yes",
        ["backout-duration"] = "25 minutes",
    };

    private async Task<SectionFormView> Open(ChatScript chat, Section section)
    {
        var opened = await chat.Press(new OpenSectionAction(Stored.Id, (int)section));
        return Assert.IsType<SectionFormView>(opened.InvokeView);
    }

    [Fact]
    public async Task The_last_open_section_offers_save_and_submit_and_the_others_do_not()
    {
        var dana = await AllButTheBackoutPlan();

        Assert.True((await Open(dana, Section.Backout)).CanSaveAndSubmit);
        Assert.False((await Open(dana, Section.RisksAndIssues)).CanSaveAndSubmit);
    }

    [Fact]
    public async Task Save_and_submit_on_the_last_section_saves_it_and_sends_the_plan_to_its_approvers()
    {
        var dana = await AllButTheBackoutPlan();
        var form = await Open(dana, Section.Backout);

        await dana.Press(new SaveSectionAction(Stored.Id, (int)Section.Backout, form.Revision, BackoutAnswers(), Submit: true));

        Assert.Equal(PlanState.InReview, Stored.State);
        Assert.Equal("Smoke tests failing 20 minutes into the window", Stored.AnswerTo(PlanChecklist.BackoutTriggers)!.Value.Text);
        Assert.Equal(["megan@contoso.com"], Stored.AnswerTo(PlanChecklist.BackoutDecider)!.Value.People!.Select(p => p.Upn));
        Assert.Contains(dana.Replies, r => r.To.ConversationId == PlanningSteps.ReleaseChannelId && r.Reply.Mode == DeliveryMode.NewThread);
    }

    [Fact]
    public async Task Save_and_submit_that_leaves_a_question_open_only_saves()
    {
        var dana = await AllButTheBackoutPlan();
        var form = await Open(dana, Section.Backout);
        var answers = BackoutAnswers();
        answers.Remove("backout-duration");

        await dana.Press(new SaveSectionAction(Stored.Id, (int)Section.Backout, form.Revision, answers, Submit: true));

        Assert.Equal(PlanState.Draft, Stored.State);
        Assert.NotNull(Stored.AnswerTo(PlanChecklist.BackoutSteps));
        Assert.DoesNotContain(dana.Replies, r => r.To.ConversationId == PlanningSteps.ReleaseChannelId);
    }

    [Fact]
    public async Task Save_and_submit_with_a_problem_saves_nothing_and_submits_nothing()
    {
        var dana = await AllButTheBackoutPlan();
        var form = await Open(dana, Section.Backout);
        var answers = BackoutAnswers();
        answers[PlanChecklist.BackoutDecider] = "Megan";

        var pressed = await dana.Press(new SaveSectionAction(Stored.Id, (int)Section.Backout, form.Revision, answers, Submit: true));

        var back = Assert.IsType<SectionFormView>(pressed.InvokeView);
        Assert.NotNull(back.Fields.Single(f => f.QuestionId == PlanChecklist.BackoutDecider).Problem);
        Assert.Equal(PlanState.Draft, Stored.State);
        Assert.Null(Stored.AnswerTo(PlanChecklist.BackoutTriggers));
    }

    [Fact]
    public async Task Someone_other_than_the_owner_is_not_offered_save_and_submit()
    {
        var dana = await AllButTheBackoutPlan();
        var group = world.Chat(TestPeople.Megan, conversationId: dana.Conversation.ConversationId);

        var opened = await group.Press(new OpenSectionAction(Stored.Id, (int)Section.Backout));

        Assert.False(Assert.IsType<SectionFormView>(opened.InvokeView).CanSaveAndSubmit);
    }

    [Fact]
    public async Task Without_a_backout_plan_submit_is_refused_and_says_what_is_missing()
    {
        var dana = await AllButTheBackoutPlan();

        await dana.Send("submit");

        dana.ExpectReplyContaining("What triggers a backout?");
        Assert.Equal(PlanState.Draft, Stored.State);
    }

    [Fact]
    public async Task Where_a_release_admin_makes_the_backout_plan_optional_a_plan_goes_without_it()
    {
        var dana = await AllButTheBackoutPlan();
        var alex = world.InChannel(TestPeople.Alex, PlanningSteps.ReleaseChannelId);
        await alex.Send("settings backout optional");
        alex.ExpectReplyContaining("- backout: optional");

        await dana.Send("submit");

        Assert.Equal(PlanState.InReview, Stored.State);
        Assert.True(Stored.BackoutOptional);
    }

    [Fact]
    public async Task Only_a_release_admin_makes_the_backout_plan_optional()
    {
        var dana = await AllButTheBackoutPlan();

        await dana.Send("settings backout optional");
        dana.ExpectReplyContaining("Only a release admin may change that");
        await dana.Send("submit");

        Assert.Equal(PlanState.Draft, Stored.State);
    }
}
