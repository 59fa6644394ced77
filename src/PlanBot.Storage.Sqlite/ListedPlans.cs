using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using PlanBot.Domain.Plans;

namespace PlanBot.Storage.Sqlite;

/// <summary>
/// Plans parsed for a list, by id, with the row version they were read at. Plans are immutable and
/// a row's version changes with every write, so a plan listed again at the same version is taken
/// from here instead of being read and parsed again.
/// </summary>
internal sealed class ListedPlans
{
    /// <summary>A listed plan takes about 29 KB in memory (a finished interview): 2,000 of them about 58 MB.</summary>
    public const int Capacity = 2_000;

    private readonly ConcurrentDictionary<string, (long Version, Plan Plan)> plans = new(StringComparer.Ordinal);

    /// <summary>The plan as read at <paramref name="version"/>, when it was.</summary>
    public bool TryGet(string id, long version, [NotNullWhen(true)] out Plan? plan)
    {
        if (plans.TryGetValue(id, out var known) && known.Version == version)
        {
            plan = known.Plan;
            return true;
        }

        plan = null;
        return false;
    }

    public void Remember(string id, long version, Plan plan)
    {
        if (plans.Count >= Capacity)
        {
            // Bounded: a tenant with more plans than this reads the rest from the file.
            plans.Clear();
        }

        plans[id] = (version, plan);
    }
}
