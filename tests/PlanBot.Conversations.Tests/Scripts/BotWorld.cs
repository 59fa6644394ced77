using Microsoft.Extensions.Time.Testing;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>
/// One store and one clock shared by any number of bot hosts, and the conversations people hold
/// with them. The fake clock starts at the real "now", so dates typed relative to it lie ahead.
/// </summary>
public sealed class BotWorld
{
    public const string Tenant = "msteams:tenant-contoso";

    private int conversations;
    private int activities;

    public BotWorld()
    {
        Bot = NewHost();
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public InMemoryConversationStore Store { get; } = new();

    public EngineOptions Options { get; } = new();

    /// <summary>Tenant settings: release admins and release channels.</summary>
    public InMemoryTenantStore Tenants { get; } = new();

    /// <summary>Who the channel can see in a team channel or group chat; empty until a script adds people.</summary>
    public FakePeopleDirectory People { get; } = new();

    public FakeExportLinks ExportLinks { get; } = new();

    /// <summary>The host every script talks to unless told otherwise.</summary>
    public BotHost Bot { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A new inbound activity id, unique in the world.</summary>
    public string NextActivityId() => $"activity-{Interlocked.Increment(ref activities)}";

    /// <summary>Another host process over the same store: its own ledger and instance id.</summary>
    public BotHost NewHost() => new(this);

    /// <summary>A new conversation of <paramref name="user"/> (Dana, the owner, by default) with the bot.</summary>
    public ChatScript Chat(PersonRef? user = null, string tenant = Tenant, string? conversationId = null, BotHost? via = null)
    {
        var id = conversationId ?? $"a:conversation-{Interlocked.Increment(ref conversations)}";
        var conversation = new ConversationRef("msteams", tenant, id, ConversationKind.Personal, ServiceUrl: "https://smba.trafficmanager.net/emea/");
        return new ChatScript(this, via ?? Bot, user ?? TestPeople.Dana, conversation);
    }

    /// <summary><paramref name="user"/> in a team's channel (a release channel, say), where the bot is @mentioned.</summary>
    public ChatScript InChannel(PersonRef user, string channelId = "19:release@thread.tacv2", string tenant = Tenant, BotHost? via = null)
    {
        var conversation = new ConversationRef("msteams", tenant, channelId, ConversationKind.Channel, ServiceUrl: "https://smba.trafficmanager.net/emea/", TeamId: "19:team@thread.tacv2");
        return new ChatScript(this, via ?? Bot, user, conversation);
    }

    /// <summary>A reply thread under a channel message, as Teams addresses it: the channel's id with <c>;messageid=</c>.</summary>
    public ChatScript InThread(PersonRef user, string channelId, string messageId)
    {
        var channel = InChannel(user, $"{channelId};messageid={messageId}");
        var thread = channel.Conversation with { Thread = new ConversationThread(channelId, messageId) };
        return new ChatScript(this, Bot, user, thread);
    }
}
