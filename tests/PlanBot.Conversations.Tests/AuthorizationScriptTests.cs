using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Who may decide, administer and own: separation of duties by tenant setting, typed decisions bound
/// to what their approver was shown, release admins managed in chat, plans handed over, and a
/// product's plans kept to its release channel's members where the tenant wants it.
/// </summary>
public sealed class AuthorizationScriptTests
{
    private readonly BotWorld world = new();

    private Plan Plan => world.PlanOf("Contoso.Web", "2.4");

    /// <summary>Dana's complete plan naming herself and Alex as approvers, submitted.</summary>
    private async Task<ChatScript> SubmittedWithOwnerAsApproverAsync()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("approvers", world.Now);
        await dana.Send("<at>Dana Owner</at> <at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Dana), TestPeople.MentionOf(TestPeople.Alex));
        foreach (var question in PlanChecklist.Questions.SkipWhile(q => q.Id != "approvers").Skip(1))
        {
            await dana.AnswerValidly(question.Id, world.Now);
        }

        await dana.Send("submit");
        dana.ExpectReplyContaining("Submitted the plan for Contoso.Web 2.4");
        return dana;
    }

    [Fact]
    public async Task An_owners_approval_of_their_own_plan_is_refused_with_the_reason()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await SubmittedWithOwnerAsApproverAsync();

        await dana.Send("approve");

        dana.ExpectReplyContaining("Dana Owner owns the plan, and an owner's approval of their own plan does not count here; another approver must approve it.");
        Assert.Empty(Plan.Decisions);
        Assert.Equal(PlanState.InReview, Plan.State);
    }

    [Fact]
    public async Task A_release_admin_may_let_owners_approve_their_own_plans()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await SubmittedWithOwnerAsApproverAsync();

        await channel.Send("settings owner-approval allow");
        channel.ExpectReplyContaining("Saved. Settings of this tenant:\n- owner-approval: allow");
        await dana.Send("approve");

        Assert.Equal(PlanState.Approved, Plan.State);
    }

    [Fact]
    public async Task Only_a_release_admin_changes_the_settings_and_anyone_reads_them()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var alex = world.Chat(TestPeople.Alex);

        await alex.Send("settings contributor-approval forbid");
        alex.ExpectReplyContaining("Only a release admin may change that: Dana Owner.");
        await alex.Send("settings");
        alex.ExpectReplyContaining("- contributor-approval: allow (people who answered part of a plan may approve it)");
        Assert.True((await world.Tenants.GetTenantAsync(BotWorld.Tenant, CancellationToken.None))!.Document.Policy.ContributorsMayApprove);
    }

    [Fact]
    public async Task An_unknown_setting_says_which_there_are()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = world.Chat();

        await dana.Send("settings colour blue");

        dana.ExpectReplyContaining("I don't know that setting. `settings owner-approval allow|forbid`");
    }

    [Fact]
    public async Task A_typed_approval_after_an_edit_shows_the_change_and_records_nothing_until_repeated()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        await dana.Send("submit");
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");
        var shown = Plan.Revision;
        await dana.Send("edit risks");
        await dana.Send("A new risk after submission");

        await megan.Send("approve");

        megan.ExpectReplyContaining($"The plan for Contoso.Web 2.4 changed since you were shown revision {shown}: Answered \"What risks or issues does this release carry, from the risk assessment?\". Here is revision {shown + 1}; nothing was recorded.");
        Assert.StartsWith("summary", megan.Replies[^1].Heading, StringComparison.Ordinal);
        Assert.Empty(Plan.Decisions);

        await megan.Send("approve");
        Assert.Equal((PlanState.Approved, shown + 1), (Plan.State, Plan.Decisions.Single().Revision));
    }

    [Fact]
    public async Task The_approval_request_counts_as_shown_for_the_approvers()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        await dana.Send("submit");
        var request = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts[PostKeys.Approval];
        var thread = world.InChannel(TestPeople.Alex, request.Thread.ConversationId);

        await thread.Send("approve");

        Assert.Equal(PlanState.Approved, Plan.State);
    }

    [Fact]
    public async Task Release_admins_add_and_remove_admins_but_not_the_last_one()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var alex = world.InChannel(TestPeople.Alex);

        await alex.Send("admin add <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        alex.ExpectReplyContaining("Only a release admin may change that: Dana Owner.");
        await channel.Send("admin add <at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));
        channel.ExpectReplyContaining("Alex Wilber is now a release admin.");
        await alex.Send("admin remove <at>Dana Owner</at>", TestPeople.MentionOf(TestPeople.Dana));
        alex.ExpectReplyContaining("Dana Owner is no longer a release admin.");
        await alex.Send("admin remove <at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));
        alex.ExpectReplyContaining("Alex Wilber is the last release admin: add another one first");
        await alex.Send("admins");
        alex.ExpectReplyContaining("Release admins: Alex Wilber.");
    }

    [Fact]
    public async Task The_owner_hands_a_plan_over_and_the_new_owner_is_told()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");

        await dana.Send("owner <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("Megan Bowen now owns the plan for Contoso.Web 2.4.");
        var told = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Equal(TestPeople.Megan, told.Reply.Recipient);
        Assert.Contains("Dana Owner handed the deployment plan for Contoso.Web 2.4 over to you", told.Text, StringComparison.Ordinal);
        Assert.Equal(TestPeople.Megan, Plan.Owner);
        await dana.Send("cancel");
        dana.ExpectReplyContaining("Only the plan's owner, Megan Bowen, may cancel it.");
    }

    [Fact]
    public async Task A_release_admin_may_hand_over_a_plan_someone_else_owns_and_others_may_not()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");

        await megan.Send("owner <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        megan.ExpectReplyContaining("Only the plan's owner, Alex Wilber, may hand it over.");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("owner <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("Megan Bowen now owns the plan for Contoso.Web 2.4.");
        Assert.Equal(TestPeople.Megan, Plan.Owner);
        Assert.NotNull(channel);
    }

    [Fact]
    public async Task With_members_only_a_products_plans_are_for_its_release_channels_members()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        await channel.Send("settings members-only on");
        world.People.Join(TestPeople.Dana, TestPeople.Alex);
        var megan = world.Chat(TestPeople.Megan);
        var alex = world.Chat(TestPeople.Alex);

        await megan.Send("plan Contoso.Web 2.4");
        megan.ExpectReplyContaining("Plans for Contoso.Web are for the members of its release channel only, and you are not one of them.");
        Assert.Null(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4"));

        await alex.Send("plan Contoso.Web 2.4");
        alex.ExpectQuestion("features");
        await megan.Send("plan Contoso.Web 2.4");
        megan.ExpectReplyContaining("you are not one of them");
        Assert.DoesNotContain(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Sessions.Values, s => s.Reference?.ConversationId == megan.Conversation.ConversationId);

        world.People.Unavailable = true;
        await alex.Send("plan Contoso.Web 2.4");
        alex.ExpectReplyContaining("I can't check its members right now. Please try again in a minute.");
    }

    [Fact]
    public async Task Without_members_only_anyone_in_the_tenant_works_on_a_plan()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var megan = world.Chat(TestPeople.Megan);

        await megan.Send("plan Contoso.Web 2.4");

        megan.ExpectQuestion("features");
    }

    [Fact]
    public async Task Someone_of_another_organisation_answers_their_assigned_section_and_nothing_else()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("delivery-team", world.Now);
        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        var megan = world.Chat(TestPeople.Megan, conversationId: Fakes.RecordingReplyChannel.DirectChatId(TestPeople.Megan));
        megan.FromOutside = true;

        await megan.Send("status");
        Assert.StartsWith("summary", megan.LastReply, StringComparison.Ordinal);
        await megan.Send("<at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));
        megan.ExpectQuestion("delivery-contacts");
        Assert.Equal(TestPeople.Megan, Plan.AnswerTo("delivery-team")!.Provenance.AnsweredBy);

        foreach (var attempt in new[] { "edit 1", "plan Contoso.Api 1.0", "cancel", "settings members-only on" })
        {
            await megan.Send(attempt);
            megan.ExpectReplyContaining(Engine.PlanEngine.OutsiderRefusal);
        }

        await megan.Press(new Turns.DecideAction(Plan.Id, Plan.Revision, Verdict.Approve, null));
        megan.ExpectReplyContaining(Engine.PlanEngine.OutsiderRefusal);
        Assert.Null(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Api", "1.0"));
    }

    [Fact]
    public async Task Someone_of_another_organisation_cannot_start_or_open_a_plan()
    {
        var guest = world.Chat(TestPeople.Person("Guest Partner"));
        guest.FromOutside = true;

        await guest.Send("plan Contoso.Web 2.4");

        guest.ExpectReplyContaining(Engine.PlanEngine.OutsiderRefusal);
        Assert.Null(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4"));
    }
}
