using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Reminders;
using PlanBot.Conversations.Tests.Fakes;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>One bot host: a turn processor, the engine, its delivery ledger, its outbox sweeper and its reminder worker.</summary>
public sealed class BotHost
{
    public BotHost(BotWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Engine = new PlanEngine(world.Store, world.Options, world.Tenants, world.People, world.ExportLinks);
        Processor = new TurnProcessor(world.Store, Engine, Ledger, world.Options, world.Clock, new PostRegistry(world.Store, world.Clock), NullLogger<TurnProcessor>.Instance);
        Sweeper = new OutboxSweeper(world.Store, Ledger, world.Options, world.Clock, NullLogger<OutboxSweeper>.Instance);
        Reminders = new ReminderWorker(world.Store, new OneReplyChannel(ReminderChannel), Ledger, world.Options, world.Clock, NullLogger<ReminderWorker>.Instance);
    }

    public DeliveryLedger Ledger { get; } = new();

    public PlanEngine Engine { get; }

    public TurnProcessor Processor { get; }

    public OutboxSweeper Sweeper { get; }

    public ReminderWorker Reminders { get; }

    /// <summary>Where this host's reminders are delivered (every channel id maps to it).</summary>
    public RecordingReplyChannel ReminderChannel { get; } = new();

    private sealed class OneReplyChannel(IReplyChannel channel) : IReplyChannels
    {
        public IReplyChannel? For(string channelId) => channel;
    }
}
