using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PlanBot.Storage.Sqlite;

/// <summary>
/// Tables are created on start. Each row holds its document as JSON plus the columns the queries
/// need; <c>version</c> is the optimistic-concurrency token every update is conditional on.
/// <c>plans_by_tenant_created</c> answers a tenant's plan list (ids and versions, newest first)
/// from the index alone, without reading the rows' bodies. <c>remind_at</c> (UTC, ISO 8601, so it
/// sorts as text) is when the plan's next reminder falls due; the reminder worker reads it from
/// <c>plans_by_remind_at</c>; <c>gate_at</c>, when the gate sender should look at the plan next,
/// likewise from <c>plans_by_gate_at</c>. Databases made before they existed get the columns on
/// start (<see cref="Migrations"/>). <see cref="EnsureAsync"/> brings any database up to this schema.
/// </summary>
internal static class Schema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS plans (
            id           TEXT PRIMARY KEY,
            tenant_id    TEXT NOT NULL,
            product_key  TEXT NOT NULL,
            version_key  TEXT NOT NULL,
            state        TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            remind_at    TEXT NULL,
            gate_at      TEXT NULL,
            version      INTEGER NOT NULL,
            body         TEXT NOT NULL,
            UNIQUE (tenant_id, product_key, version_key)
        );
        CREATE INDEX IF NOT EXISTS plans_by_tenant ON plans (tenant_id, product_key);
        CREATE INDEX IF NOT EXISTS plans_by_tenant_created ON plans (tenant_id, created_at, id, version);
        CREATE TABLE IF NOT EXISTS tenants (
            id       TEXT PRIMARY KEY,
            version  INTEGER NOT NULL,
            body     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS conversations (
            key            TEXT PRIMARY KEY,
            tenant_id      TEXT NOT NULL,
            active_plan_id TEXT NULL,
            version        INTEGER NOT NULL,
            body           TEXT NOT NULL
        );
        """;

    /// <summary>Columns added after the first release of the schema, with the statement that adds each.</summary>
    public static readonly (string Table, string Column, string Add)[] Migrations =
    [
        ("plans", "remind_at", "ALTER TABLE plans ADD COLUMN remind_at TEXT NULL"),
        ("plans", "gate_at", "ALTER TABLE plans ADD COLUMN gate_at TEXT NULL"),
    ];

    /// <summary>Indexes over migrated columns, made once the columns exist.</summary>
    public const string CreateLateIndexes = """
        CREATE INDEX IF NOT EXISTS plans_by_remind_at ON plans (remind_at) WHERE remind_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS plans_by_gate_at ON plans (gate_at) WHERE gate_at IS NOT NULL;
        """;

    /// <summary>Creates what is missing, adds the columns a database made by an earlier release lacks, then their indexes.</summary>
    public static async Task EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = Create;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (table, column, add) in Migrations)
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT count(*) FROM pragma_table_info($table) WHERE name = $column";
            probe.Parameters.AddWithValue("$table", table);
            probe.Parameters.AddWithValue("$column", column);
            if (Convert.ToInt64(await probe.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await using var alter = connection.CreateCommand();
                alter.CommandText = add;
                await alter.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var indexes = connection.CreateCommand();
        indexes.CommandText = CreateLateIndexes;
        await indexes.ExecuteNonQueryAsync(cancellationToken);
    }
}
