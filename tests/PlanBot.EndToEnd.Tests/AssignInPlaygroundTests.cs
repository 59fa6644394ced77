using PlanBot.Domain.Checklist;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>The owner hands a section to a developer, who answers it in a personal chat with the bot.</summary>
public sealed class AssignInPlaygroundTests(ITestOutputHelper output)
{
    private const string Megan = "user-id-1";

    [NodeFact]
    public async Task An_assigned_section_is_asked_in_a_personal_chat_and_answered_in_the_assignees_name()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var releases = playground.Conversations.Releases;
        var chat = playground.Conversations.PersonalChat;

        (await playground.TriggerInstallationAsync(playground.Conversations.TeamGeneral)).EnsureBotSucceeded();
        (await playground.SendToBotAsync(releases, "channel set Contoso.Web")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();

        var assigned = (await playground.SendAsync(chat, "assign 6 meganb@contoso.example")).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(assigned), t => t.Contains("Assigned section 6, Delivery team, to Megan Bowen", StringComparison.Ordinal));

        // The emulator shows only its current user's chats, so Megan's personal chat is found in the
        // store, where the assignment attached it to the plan at the assigned section.
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = session.DatabasePath });
        var tenant = $"msteams:{playground.Config.TenantId}";
        var megansChat = await Eventually.ValueAsync(
            async () => (await store.FindPlanAsync(tenant, "Contoso.Web", "2.4", CancellationToken.None))?.Document.Sessions.Values.FirstOrDefault(s => s.AssignedOnly)?.Reference?.ConversationId,
            "Megan's personal chat to be attached to the plan");
        Assert.NotEqual(chat, megansChat);
        output.WriteLine($"Megan's chat: {megansChat}");

        // The release channel shows the plan's progress once sections are handed out.
        var summary = await playground.WaitForMessageAsync(m => m.ConversationId.StartsWith(releases, StringComparison.Ordinal) && Shown.Of(m).Contains("Deployment plan", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        (await playground.SendMessageAsAsync(megansChat, Megan, "meganb@contoso.example, adelev@contoso.example")).EnsureBotSucceeded();
        (await playground.SendMessageAsAsync(megansChat, Megan, "On-call rota in #contoso-release, +44 20 7946 0000")).EnsureBotSucceeded();

        // Her answers update the summary in the release channel for everyone.
        await playground.WaitForMessageAsync(m => m.MessageId == summary.MessageId && m.Revision > summary.Revision, TimeSpan.FromSeconds(20));

        session.Host.Kill();
        var document = (await store.FindPlanAsync(tenant, "Contoso.Web", "2.4", CancellationToken.None))!.Document;
        var plan = document.Plan;
        var megansSession = document.Sessions.Values.Single(s => s.Reference?.ConversationId == megansChat);
        Assert.Null(megansSession.Cursor);
        Assert.Equal(Megan, plan.AnswerTo("delivery-team")!.Provenance.AnsweredBy.Id);
        Assert.Equal(Megan, plan.AnswerTo("delivery-contacts")!.Provenance.AnsweredBy.Id);
        Assert.Equal("Megan Bowen", Assert.Single(plan.Assignments).Assignee.Name);
    }
}
