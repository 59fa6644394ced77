using System.Threading.RateLimiting;
using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Per-person and per-tenant limits on turns, with sliding windows from System.Threading.RateLimiting
/// (what ASP.NET Core's rate-limiting middleware runs on). It is applied to the turn rather than as
/// middleware because the sender is only known once the body is read and authenticated. Idle
/// partitions are dropped by the partitioned limiter itself, so a flood of made-up senders holds no memory.
/// </summary>
public sealed class TurnRateLimiter : IDisposable
{
    private readonly bool enabled;
    private readonly PartitionedRateLimiter<Turn> perPerson;
    private readonly PartitionedRateLimiter<Turn> perTenant;
    private readonly PartitionedRateLimiter<Turn> notes;

    public TurnRateLimiter(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        enabled = options.Enabled;
        perPerson = PartitionedRateLimiter.Create<Turn, string>(turn => Window(PersonKey(turn), options.UserTurns, options.UserWindow));
        perTenant = PartitionedRateLimiter.Create<Turn, string>(turn => Window(turn.Conversation.TenantId, options.TenantTurns, options.TenantWindow));
        // One "slow down" a window per person: telling every refused turn would double the flood's sends.
        notes = PartitionedRateLimiter.Create<Turn, string>(turn => Window(PersonKey(turn), 1, options.UserWindow));
    }

    /// <summary>Null when the turn may run; otherwise which limit it is over and whether to tell the sender.</summary>
    public Refusal? Check(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!enabled)
        {
            return null;
        }

        // The person first: a turn their own limit refuses must not use up their colleagues' share.
        using var person = perPerson.AttemptAcquire(turn);
        if (!person.IsAcquired)
        {
            return Refuse(turn, RateLimit.Person);
        }

        using var tenant = perTenant.AttemptAcquire(turn);
        return tenant.IsAcquired ? null : Refuse(turn, RateLimit.Tenant);
    }

    public void Dispose()
    {
        perPerson.Dispose();
        perTenant.Dispose();
        notes.Dispose();
    }

    private Refusal Refuse(Turn turn, RateLimit limit)
    {
        using var note = notes.AttemptAcquire(turn);
        return new Refusal(limit, note.IsAcquired);
    }

    private static string PersonKey(Turn turn) => $"{turn.Conversation.TenantId}\n{turn.From.Id}";

    // Not auto-replenishing: the partitioned limiter replenishes its partitions on its own timer
    // rather than each holding one.
    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = false,
        });

    /// <summary>A turn over <paramref name="Limit"/>; <paramref name="Tell"/> when the sender has not been told so in this window.</summary>
    public sealed record Refusal(RateLimit Limit, bool Tell);
}

/// <summary>Which of <see cref="RateLimitOptions"/>' limits a turn is over.</summary>
public enum RateLimit
{
    Person,
    Tenant,
}
