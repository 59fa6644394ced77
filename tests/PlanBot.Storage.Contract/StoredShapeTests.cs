using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using Xunit;

namespace PlanBot.Storage.Contract;

/// <summary>
/// The stored shape, owned on purpose. Both stores keep documents as <see cref="StateJsonContext"/>
/// writes them, so the names of State and Domain properties and enum values are stored data. The
/// samples in Samples/ were written by PlanBot; each must still load, with what it held, and reading
/// and writing it must give back the very same JSON. A renamed or removed property or enum value, or
/// a new property written by default, fails here instead of silently changing what is stored.
/// </summary>
public sealed class StoredShapeTests
{
    [Theory]
    [InlineData(SampleFiles.PlanInReview)]
    [InlineData(SampleFiles.DraftFromBaseline)]
    [InlineData(SampleFiles.PlanShown)]
    [InlineData(SampleFiles.PlanDeployed)]
    [InlineData(SampleFiles.PlanWithGates)]
    public void A_stored_plan_document_reads_and_writes_back_unchanged(string sample) =>
        AssertWritesBackUnchanged(sample, StateJsonContext.Default.PlanDocument);

    [Theory]
    [InlineData(SampleFiles.AttachedPointer)]
    [InlineData(SampleFiles.PointerWaitingToStart)]
    public void A_stored_conversation_pointer_reads_and_writes_back_unchanged(string sample) =>
        AssertWritesBackUnchanged(sample, StateJsonContext.Default.ConversationDocument);

    [Theory]
    [InlineData(SampleFiles.Tenant)]
    [InlineData(SampleFiles.TenantWithRules)]
    [InlineData(SampleFiles.TenantWithGates)]
    [InlineData(SampleFiles.GitHubDirectory)]
    public void A_stored_tenant_document_reads_and_writes_back_unchanged(string sample) =>
        AssertWritesBackUnchanged(sample, StateJsonContext.Default.TenantDocument);

    [Fact]
    public void A_stored_plan_in_review_keeps_its_answers_with_their_provenance_its_decisions_and_its_history()
    {
        var plan = SampleFiles.Load(SampleFiles.PlanInReview, StateJsonContext.Default.PlanDocument).Plan;

        Assert.Equal((SampleFiles.PlanInReviewId, SampleFiles.TenantId, "Contoso.Web", "2.5"), (plan.Id, plan.TenantId, plan.Product, plan.Version));
        Assert.Equal(("29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdKqpzH5ocN8j7p", "Alex Wilber", "alexw@contoso.com"), (plan.Owner.Id, plan.Owner.Name, plan.Owner.Upn));
        Assert.Equal((PlanState.InReview, Quorum.All, 24), (plan.State, plan.Quorum, plan.Revision));
        Assert.Equal((SampleFiles.BaselineId, "Contoso.Web 2.4", "2.4"), (plan.BaselinePlanId, plan.BaselineTitle, plan.BaselineVersion));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 12, 5, TimeSpan.Zero), plan.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 16, 20, 0, TimeSpan.Zero), plan.InReviewSince);
        // Stored before the backout plan (section 9) was asked: it reads, and shows that section as missing.
        Assert.Equal(PlanChecklist.In(Section.Backout), plan.Completeness().Missing);
        Assert.Empty(plan.Completeness().Unconfirmed);

        var kept = plan.AnswerTo("why")!;
        Assert.False(kept.IsUnconfirmed);
        Assert.Equal((SampleFiles.BaselineId, "msteams"), (kept.Provenance.CarriedFromPlanId, kept.Provenance.Channel));
        Assert.Null(plan.AnswerTo("features")!.Provenance.CarriedFromPlanId);
        var window = plan.AnswerTo("deployment-window")!.Value;
        Assert.Equal((new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), "Europe/London"), (window.WindowStartUtc, window.WindowEndUtc, window.TimeZone));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), plan.AnswerTo("available-by")!.Value.DateUtc);
        Assert.Equal((true, "a 30-minute walkthrough for customer service"), (plan.AnswerTo("training")!.Value.Yes, plan.AnswerTo("training")!.Value.Detail));
        Assert.Equal(["Adele Vance", "Lee Gu"], plan.Approvers.Select(p => p.Name));
        var team = plan.AnswerTo("delivery-team")!;
        Assert.Equal("Megan Bowen", team.Provenance.AnsweredBy.Name);
        Assert.Contains(team.Value.People!, p => !p.IsResolved && p.Upn == "diego.siciliani@contoso.com");

        Assert.Collection(
            plan.Decisions,
            rejected => Assert.Equal((Verdict.Reject, 23, "The escalation path has no out-of-hours contact", true), (rejected.Verdict, rejected.Revision, rejected.Reason, rejected.Stale)),
            approved => Assert.Equal((Verdict.Approve, 24, null, false, "Adele Vance"), (approved.Verdict, approved.Revision, approved.Reason, approved.Stale, approved.Approver.Name)));
        Assert.Equal("Started the plan for Contoso.Web 2.5", plan.History[0].What);
        Assert.Equal(("Approved revision 24", "Adele Vance", 24), (plan.History[^1].What, plan.History[^1].By.Name, plan.History[^1].Revision));
        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal((Section.DeliveryTeam, "Megan Bowen"), (assignment.Section, assignment.Assignee.Name));
    }

    [Fact]
    public void A_stored_plan_keeps_the_deployments_waiting_on_it_and_what_it_owes_them()
    {
        var document = SampleFiles.Load(SampleFiles.PlanWithGates, StateJsonContext.Default.PlanDocument);
        var gates = document.Gates!.ToDictionary(g => g.Id);

        var told = gates["github:contoso/contoso-web:1872251946:production"];
        Assert.Equal((GateSystem.GitHub, "production", "12003399817", true), (told.System, told.Environment, told.Run, told.Callback));
        Assert.Equal(("contoso/contoso-web", 55102937L, 1872251946L, "v2.5"), (told.GitHub!.Repository, told.GitHub.InstallationId, told.GitHub.DeploymentId, told.GitHub.Ref));
        Assert.EndsWith("/actions/runs/12003399817/deployment_protection_rule", told.GitHub.CallbackUrl, StringComparison.Ordinal);
        Assert.Equal((false, 23, 1), (told.Outcome!.Approved, told.Outcome.Revision, told.Failures));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 12, 6, 12, TimeSpan.Zero), told.ReportedAt);
        Assert.False(told.Waiting);
        Assert.StartsWith("GitHub no longer waits", gates["github:contoso/contoso-web:1872251950:staging"].NotReported, StringComparison.Ordinal);

        var reads = gates["azure:a1f0c2d3-4b5e-4f60-8172-93a4b5c6d7e8:production"];
        Assert.Equal((GateSystem.AzurePipelines, false, "20261104.2"), (reads.System, reads.Callback, reads.Run));
        Assert.Null(reads.Azure);

        var sending = gates.Values.Single(g => g.Claim is not null);
        Assert.Equal(("build", "7a8b9c0d-1e2f-5a3b-4c5d-6e7f8091a2b3", true), (sending.Azure!.HubName, sending.Azure.TaskInstanceId, sending.Azure.AuthToken is not null));
        Assert.Equal(("7c3e9b1a2f4d", true, 24), (sending.Claim!.Instance, sending.Outcome!.Approved, sending.Outcome.Revision));
        Assert.True(sending.Waiting);

        var message = Assert.Single(document.GateOutbox!);
        Assert.Equal((DeliveryMode.Reply, document.Posts[PostKeys.Approval].Thread), (message.Mode, message.To));
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 9, 2, 32, TimeSpan.Zero), document.GateAt);
    }

    [Fact]
    public void A_stored_tenant_keeps_its_gate_keys_hashed_and_its_github_links()
    {
        var tenant = SampleFiles.Load(SampleFiles.TenantWithGates, StateJsonContext.Default.TenantDocument);
        Assert.Equal(["k4c1e07b", "k9f20a3d"], tenant.GateKeys!.Select(k => k.Id));
        Assert.All(tenant.GateKeys!, k => Assert.Equal(32, Convert.FromBase64String(k.Hash).Length));
        Assert.Equal(("Alex Wilber", "1727773200000"), (tenant.GateKeys![0].CreatedBy.Name, tenant.GateKeys[0].Activity));
        Assert.Collection(
            tenant.GitHubLinks!,
            web => Assert.Equal(("contoso/contoso-web", "production", "Contoso.Web", "ref"), (web.Repository, web.Environment, web.Product, web.VersionFrom)),
            api => Assert.Equal(("Production EU", "payload.release", "Adele Vance"), (api.Environment, api.VersionFrom, api.LinkedBy.Name)));

        var directory = SampleFiles.Load(SampleFiles.GitHubDirectory, StateJsonContext.Default.TenantDocument);
        Assert.Equal(GitHubDirectory.TenantId, directory.TenantId);
        Assert.Equal(SampleFiles.TenantId, directory.GitHub!.Repositories["Contoso/Contoso-Web"]);
        Assert.Equal(("contoso", false), (directory.GitHub.Installations["55102937"].Account, directory.GitHub.Installations["55102937"].Removed));
        Assert.True(directory.GitHub.Installations["41008812"].Removed);
    }

    [Fact]
    public void A_stored_plan_in_review_keeps_its_sessions_posts_and_reminders()
    {
        var document = SampleFiles.Load(SampleFiles.PlanInReview, StateJsonContext.Default.PlanDocument);
        var sessions = document.Sessions.Values.ToDictionary(s => s.Reference!.ConversationId[..8]);

        Assert.Equal(4, sessions.Count);
        var owner = sessions["a:1hYqQ6"];
        Assert.Equal((true, "Europe/London", ConversationKind.Personal), (owner.Attached, owner.TimeZone, owner.Reference!.Kind));
        Assert.Equal(["1793732400318", "1793732700554"], owner.Consumed.Select(c => c.Id));
        var submitted = Assert.Single(owner.Outbox);
        Assert.Equal((DeliveryMode.Reply, "1793732700554", "4e1f0a9b7c2d"), (submitted.Mode, submitted.ReplyToActivityId, submitted.Instance));
        Assert.Contains("Submitted the plan for Contoso.Web 2.5 (revision 24)", submitted.Reply.Text, StringComparison.Ordinal);
        Assert.Null(submitted.Reply.CardJson);

        var assignee = sessions["a:1Zt0n0"];
        Assert.Equal((true, 6, (string?)null), (assignee.AssignedOnly, assignee.EditingSection, assignee.Cursor));

        var approver = sessions["a:1Qw3rT"];
        Assert.Equal([DeliveryMode.Update, DeliveryMode.Reply, DeliveryMode.Direct], approver.Outbox.Select(r => r.Mode));
        Assert.Equal("application/vnd.microsoft.card.adaptive", approver.Outbox[0].Reply.CardContentType);
        Assert.Equal("1793701845123", approver.Outbox[0].UpdateActivityId);
        Assert.EndsWith(";messageid=1793701845123", approver.Outbox[1].To!.ConversationId, StringComparison.Ordinal);
        Assert.Equal(("Alex Wilber", ""), (approver.Outbox[2].Recipient!.Name, approver.Outbox[2].To!.ConversationId));

        var left = sessions["19:meeti"];
        Assert.Equal((false, "risks", 3, ConversationKind.Group), (left.Attached, left.Cursor, left.EditingSection, left.Reference!.Kind));
        Assert.Equal(["why"], left.Skipped);

        Assert.Equal(["summary", "approval"], document.Posts.Keys);
        Assert.Equal(("1793701845123", "19:2b6e1c3f0a7d4e8b9c5a1f2e3d4c5b6a@thread.tacv2"), (document.Posts["approval"].ActivityId, document.Posts["approval"].Thread.TeamId));
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 8, 20, 22, TimeSpan.Zero), document.RemindAt);
        Assert.Equal(2, document.Reminders["approval:24"].Count);
        var reminder = Assert.Single(document.ReminderOutbox);
        Assert.Equal((DeliveryMode.Reply, "4e1f0a9b7c2d"), (reminder.Mode, reminder.Instance));
        Assert.Contains("<at>Lee Gu</at>", reminder.Reply.CardJson, StringComparison.Ordinal);
        Assert.Equal(["diego.siciliani@contoso.com"], document.Departed);
    }

    [Fact]
    public void A_stored_draft_keeps_its_carried_answers_unconfirmed_and_its_open_assignment()
    {
        var document = SampleFiles.Load(SampleFiles.DraftFromBaseline, StateJsonContext.Default.PlanDocument);
        var plan = document.Plan;

        Assert.Equal((PlanState.Draft, SampleFiles.PlanInReviewId, "Lee Gu"), (plan.State, plan.BaselinePlanId, plan.Owner.Name));
        var carried = plan.Answers.Values.Where(a => a.IsUnconfirmed).ToList();
        Assert.Equal(18, carried.Count);
        Assert.All(carried, a => Assert.Equal(SampleFiles.PlanInReviewId, a.Provenance.CarriedFromPlanId));
        Assert.Equal(["features"], plan.Answers.Values.Where(a => !a.IsUnconfirmed).Select(a => a.QuestionId));
        Assert.Empty(plan.Decisions);
        var open = Assert.Single(plan.OpenAssignments());
        Assert.Equal(Section.TransitionApproach, open.Section);
        Assert.Equal($"assign:7:{open.At.UtcTicks}", Assert.Single(document.Reminders).Key);
        Assert.Equal("support", document.Sessions.Values.Single(s => s.AssignedOnly).Cursor);
    }

    [Fact]
    public void A_stored_pointer_keeps_its_plan_and_its_own_session()
    {
        var attached = SampleFiles.Load(SampleFiles.AttachedPointer, StateJsonContext.Default.ConversationDocument);
        var waiting = SampleFiles.Load(SampleFiles.PointerWaitingToStart, StateJsonContext.Default.ConversationDocument);

        Assert.Equal((SampleFiles.PlanInReviewId, SampleFiles.TenantId), (attached.ActivePlanId, attached.TenantId));
        Assert.Equal(attached.Reference.Key, attached.Key);
        Assert.Equal("Type `help` to see what I can do.", Assert.Single(attached.Session.Outbox).Reply.Text);
        Assert.Null(waiting.ActivePlanId);
        Assert.Equal(new PendingStart("Contoso.Web", "2.6", SampleFiles.PlanInReviewId, "Contoso.Web 2.5"), waiting.Session.PendingStart);
    }

    [Fact]
    public void A_stored_tenant_keeps_its_admins_release_channels_and_installations()
    {
        var tenant = SampleFiles.Load(SampleFiles.Tenant, StateJsonContext.Default.TenantDocument);

        Assert.Equal(["Alex Wilber", "Adele Vance"], tenant.ReleaseAdmins.Select(a => a.Name));
        Assert.Equal(["Contoso.Web", "Contoso.Api"], tenant.ReleaseChannels.Keys);
        Assert.False(tenant.ReleaseChannels["Contoso.Web"].Stale);
        Assert.True(tenant.ReleaseChannels["Contoso.Api"].Stale);
        Assert.Equal(ConversationKind.Channel, tenant.ReleaseChannels["Contoso.Web"].Channel.Kind);
        Assert.Equal([false, true, false], tenant.Installations.Values.Select(i => i.Removed));
        // Products match whatever their case, after a reload as before it.
        Assert.Same(tenant.ReleaseChannels["Contoso.Web"], tenant.ReleaseChannels["contoso.web"]);
        Assert.Equal(ApprovalPolicy.Default, tenant.Policy);
        Assert.False(tenant.ReleaseChannelMembersOnly);
    }

    [Fact]
    public void A_stored_tenant_with_its_approval_policy_and_members_only_keeps_them()
    {
        var tenant = SampleFiles.Load(SampleFiles.TenantWithRules, StateJsonContext.Default.TenantDocument);

        Assert.Equal(new ApprovalPolicy(OwnerMayApprove: true, ContributorsMayApprove: false), tenant.Policy);
        Assert.True(tenant.ReleaseChannelMembersOnly);
    }

    [Fact]
    public void A_stored_deployment_keeps_its_timeline_run_sheet_reports_and_checks()
    {
        var plan = SampleFiles.Load(SampleFiles.PlanDeployed, StateJsonContext.Default.PlanDocument).Plan;

        Assert.Equal(PlanState.Deployed, plan.State);
        Assert.Equal([(PlanState.Deploying, "azure-devops", "run-20261124.3-started"), (PlanState.Deployed, "chat", null)], plan.Timeline!.Select(e => (e.State, e.Source, e.EventId)));
        Assert.Equal((1, false, "Health check slow on the second node"), (plan.StepReports![0].Step, plan.StepReports[0].Done, plan.StepReports[0].Note));
        Assert.True(Assert.Single(plan.CriterionChecks!).Passed);
    }

    [Fact]
    public void A_stored_plan_keeps_the_revision_each_person_was_shown()
    {
        var document = SampleFiles.Load(SampleFiles.PlanShown, StateJsonContext.Default.PlanDocument);

        Assert.Equal(24, document.RevisionShownTo(new Domain.Answers.PersonRef("29:1-adele", "Adele Vance")));
        Assert.Equal(23, document.RevisionShownTo(new Domain.Answers.PersonRef(string.Empty, string.Empty, Upn: "lee@contoso.com")));
    }

    private static void AssertWritesBackUnchanged<T>(string sample, JsonTypeInfo<T> type)
    {
        var stored = SampleFiles.Read(sample);

        var written = SampleFiles.Indented(JsonSerializer.SerializeToUtf8Bytes(SampleFiles.Load(sample, type), type));

        var differences = SampleFiles.Differences(JsonNode.Parse(stored), JsonNode.Parse(written));
        Assert.True(
            differences.Count == 0 && written == stored,
            $"{sample} no longer reads and writes back as stored. Stored documents keep their shape: see Samples/README.md.\n{string.Join("\n", differences)}");
    }
}
