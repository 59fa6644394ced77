using System.Globalization;
using Microsoft.Data.Sqlite;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;
using SQLitePCL;
using static PlanBot.Storage.Sqlite.StoredRows;

namespace PlanBot.Storage.Sqlite;

/// <summary>The store's reads, on a connection they are given: one statement each, a list two in one read transaction.</summary>
internal static class StoreQueries
{
    /// <summary>The pointer joined with its active plan: a turn's one read.</summary>
    public static async Task<ConversationSnapshot> LoadAsync(SqliteConnection connection, string conversationKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.version, c.body, p.id, p.version, p.body
            FROM conversations c LEFT JOIN plans p ON p.id = c.active_plan_id
            WHERE c.key = $key
            """;
        command.Parameters.AddWithValue("$key", conversationKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new ConversationSnapshot(null, null);
        }

        var pointer = new Versioned<ConversationDocument>(
            Document(reader, 1, StateJsonContext.Default.ConversationDocument, $"conversation {conversationKey}"),
            Tag(reader.GetInt64(0)));
        var plan = reader.IsDBNull(2)
            ? null
            : new Versioned<PlanDocument>(
                Document(reader, 4, StateJsonContext.Default.PlanDocument, $"plan {reader.GetString(2)}"),
                Tag(reader.GetInt64(3)));
        return new ConversationSnapshot(pointer, plan);
    }

    public static Task<Versioned<PlanDocument>?> FindPlanAsync(SqliteConnection connection, string tenantId, string product, string version, CancellationToken cancellationToken) =>
        PlanAsync(
            connection,
            "SELECT id, version, body FROM plans WHERE tenant_id = $tenant AND product_key = $product AND version_key = $version",
            [("$tenant", tenantId), ("$product", Key(product)), ("$version", Key(version))],
            cancellationToken);

    public static Task<Versioned<PlanDocument>?> GetPlanAsync(SqliteConnection connection, string tenantId, string planId, CancellationToken cancellationToken) =>
        PlanAsync(
            connection,
            "SELECT id, version, body FROM plans WHERE tenant_id = $tenant AND id = $id",
            [("$tenant", tenantId), ("$id", planId)],
            cancellationToken);

    /// <summary>
    /// The tenant's plans, newest first: the ids and versions, then the bodies of the plans
    /// <paramref name="listed"/> does not hold at that version. Both statements run in one read
    /// transaction, so the list is one snapshot, as a single query would be.
    /// </summary>
    /// <summary>A tenant's or a product's plans, newest first; <paramref name="take"/> -1 for all of them.</summary>
    public static async Task<IReadOnlyList<Plan>> ListPlansAsync(SqliteConnection connection, string tenantId, string? product, ListedPlans listed, CancellationToken cancellationToken, int skip = 0, int take = -1)
    {
        SqliteConnections.Execute(connection, "BEGIN");
        try
        {
            var rows = new List<(string Id, long Version)>();
            await using (var command = connection.CreateCommand())
            {
                // A tenant's list comes from plans_by_tenant_created alone. A product's few plans are
                // found through plans_by_tenant and sorted (+created_at keeps the planner from
                // walking the whole tenant in date order instead).
                command.CommandText = product is null
                    ? "SELECT id, version FROM plans WHERE tenant_id = $tenant ORDER BY created_at DESC LIMIT $take OFFSET $skip"
                    : "SELECT id, version FROM plans WHERE tenant_id = $tenant AND product_key = $product ORDER BY +created_at DESC LIMIT $take OFFSET $skip";
                command.Parameters.AddWithValue("$tenant", tenantId);
                command.Parameters.AddWithValue("$take", take);
                command.Parameters.AddWithValue("$skip", skip);
                if (product is not null)
                {
                    command.Parameters.AddWithValue("$product", Key(product));
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetString(0), reader.GetInt64(1)));
                }
            }

            var plans = new List<Plan>(rows.Count);
            SqliteCommand? body = null;
            try
            {
                foreach (var (id, version) in rows)
                {
                    if (listed.TryGet(id, version, out var known))
                    {
                        plans.Add(known);
                        continue;
                    }

                    if (body is null)
                    {
                        body = connection.CreateCommand();
                        body.CommandText = "SELECT body FROM plans WHERE id = $id";
                        body.Parameters.Add("$id", SqliteType.Text);
                    }

                    body.Parameters[0].Value = id;
                    Plan plan;
                    await using (var reader = await body.ExecuteReaderAsync(cancellationToken))
                    {
                        await reader.ReadAsync(cancellationToken);
                        plan = Document(reader, 0, StateJsonContext.Default.PlanDocument, $"plan {id}").Plan;
                    }

                    listed.Remember(id, version, plan);
                    plans.Add(plan);
                }
            }
            finally
            {
                if (body is not null)
                {
                    await body.DisposeAsync();
                }
            }

            SqliteConnections.Execute(connection, "COMMIT");
            return plans;
        }
        catch
        {
            // Ends the read transaction; the connection is closed after a failure anyway.
            _ = raw.sqlite3_exec(connection.Handle, "ROLLBACK");
            throw;
        }
    }

    public static Task<IReadOnlyList<DueReminder>> DueRemindersAsync(SqliteConnection connection, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        DueAsync(connection, DueRemindersSql, now, max, (tenant, plan, at) => new DueReminder(tenant, plan, at), cancellationToken);

    public static Task<IReadOnlyList<DueGate>> DueGatesAsync(SqliteConnection connection, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        DueAsync(connection, DueGatesSql, now, max, (tenant, plan, at) => new DueGate(tenant, plan, at), cancellationToken);

    private const string DueRemindersSql = """
        SELECT tenant_id, id, remind_at FROM plans
        WHERE remind_at IS NOT NULL AND remind_at <= $now
        ORDER BY remind_at LIMIT $max
        """;

    private const string DueGatesSql = """
        SELECT tenant_id, id, gate_at FROM plans
        WHERE gate_at IS NOT NULL AND gate_at <= $now
        ORDER BY gate_at LIMIT $max
        """;

    /// <summary>Plans of every tenant due by <paramref name="now"/> on an indexed instant column, earliest first.</summary>
    private static async Task<IReadOnlyList<T>> DueAsync<T>(SqliteConnection connection, string sql, DateTimeOffset now, int max, Func<string, string, DateTimeOffset, T> due, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$now", Instant(now));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(due(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return found;
    }

    public static async Task<Versioned<TenantDocument>?> TenantAsync(SqliteConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, body FROM tenants WHERE id = $id";
        command.Parameters.AddWithValue("$id", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Versioned<TenantDocument>(
                Document(reader, 1, StateJsonContext.Default.TenantDocument, $"tenant {tenantId}"),
                Tag(reader.GetInt64(0)))
            : null;
    }

    /// <summary>True when the file holds PlanBot's schema: what the readiness probe asks.</summary>
    public static async Task<bool> HasSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'plans'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private static async Task<Versioned<PlanDocument>?> PlanAsync(SqliteConnection connection, string sql, (string Name, string Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Versioned<PlanDocument>(
                Document(reader, 2, StateJsonContext.Default.PlanDocument, $"plan {reader.GetString(0)}"),
                Tag(reader.GetInt64(1)))
            : null;
    }
}
