using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>One bot host: a turn processor, the engine, its delivery ledger and its outbox sweeper.</summary>
public sealed class BotHost
{
    public BotHost(BotWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Engine = new PlanEngine(world.Store, world.Options, world.Tenants, world.People, world.ExportLinks);
        Processor = new TurnProcessor(world.Store, Engine, Ledger, world.Options, world.Clock, new PostRegistry(world.Store, world.Clock), NullLogger<TurnProcessor>.Instance);
        Sweeper = new OutboxSweeper(world.Store, Ledger, world.Clock, NullLogger<OutboxSweeper>.Instance);
    }

    public DeliveryLedger Ledger { get; } = new();

    public PlanEngine Engine { get; }

    public TurnProcessor Processor { get; }

    public OutboxSweeper Sweeper { get; }
}
