using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using static PlanBot.Storage.Sqlite.StoredRows;

namespace PlanBot.Storage.Sqlite;

/// <summary>
/// The store's writes, on a connection they are given: each inserts a new row (version 1), or
/// updates a row only at the version it was read at and counts the version up. Anything else is a
/// lost race, <see cref="ConcurrencyException"/>.
/// </summary>
internal static class ConditionalWrites
{
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static async Task PlanAsync(SqliteConnection connection, Versioned<PlanDocument> stored, CancellationToken cancellationToken)
    {
        var plan = stored.Document.Plan;
        var what = $"plan {plan.Id}";
        await using var command = connection.CreateCommand();
        command.CommandText = stored.ETag is null
            ? """
              INSERT INTO plans (id, tenant_id, product_key, version_key, state, created_at, remind_at, gate_at, version, body)
              VALUES ($id, $tenant, $product, $version, $state, $created, $remind, $gate, 1, $body)
              """
            : """
              UPDATE plans SET state = $state, remind_at = $remind, gate_at = $gate, version = version + 1, body = $body
              WHERE id = $id AND tenant_id = $tenant AND version = $expected
              """;
        command.Parameters.AddWithValue("$id", plan.Id);
        command.Parameters.AddWithValue("$tenant", plan.TenantId);
        command.Parameters.AddWithValue("$state", plan.State.ToString());
        command.Parameters.AddWithValue("$remind", stored.Document.RemindAt is { } remind ? Instant(remind) : DBNull.Value);
        command.Parameters.AddWithValue("$gate", stored.Document.GateAt is { } gate ? Instant(gate) : DBNull.Value);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(stored.Document, StateJsonContext.Default.PlanDocument));
        if (stored.ETag is null)
        {
            command.Parameters.AddWithValue("$product", Key(plan.Product));
            command.Parameters.AddWithValue("$version", Key(plan.Version));
            command.Parameters.AddWithValue("$created", Instant(plan.CreatedAt));
        }
        else
        {
            command.Parameters.AddWithValue("$expected", ExpectedVersion(stored.ETag, what));
        }

        await ExecuteAsync(command, what, cancellationToken);
    }

    public static async Task ConversationAsync(SqliteConnection connection, Versioned<ConversationDocument> stored, CancellationToken cancellationToken)
    {
        var document = stored.Document;
        var what = $"conversation {document.Key}";
        await using var command = connection.CreateCommand();
        command.CommandText = stored.ETag is null
            ? "INSERT INTO conversations (key, tenant_id, active_plan_id, version, body) VALUES ($key, $tenant, $plan, 1, $body)"
            : """
              UPDATE conversations SET active_plan_id = $plan, version = version + 1, body = $body
              WHERE key = $key AND tenant_id = $tenant AND version = $expected
              """;
        command.Parameters.AddWithValue("$key", document.Key);
        command.Parameters.AddWithValue("$tenant", document.TenantId);
        command.Parameters.AddWithValue("$plan", (object?)document.ActivePlanId ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(document, StateJsonContext.Default.ConversationDocument));
        if (stored.ETag is not null)
        {
            command.Parameters.AddWithValue("$expected", ExpectedVersion(stored.ETag, what));
        }

        await ExecuteAsync(command, what, cancellationToken);
    }

    public static async Task TenantAsync(SqliteConnection connection, Versioned<TenantDocument> tenant, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = tenant.ETag is null
            ? "INSERT INTO tenants (id, version, body) VALUES ($id, 1, $body)"
            : "UPDATE tenants SET version = version + 1, body = $body WHERE id = $id AND version = $expected";
        command.Parameters.AddWithValue("$id", tenant.Document.TenantId);
        command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(tenant.Document, StateJsonContext.Default.TenantDocument));
        if (tenant.ETag is not null)
        {
            command.Parameters.AddWithValue("$expected", long.Parse(tenant.ETag, CultureInfo.InvariantCulture));
        }

        await ExecuteAsync(command, $"tenant {tenant.Document.TenantId}", cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteCommand command, string what, CancellationToken cancellationToken)
    {
        int rows;
        try
        {
            rows = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
        {
            throw new ConcurrencyException($"The {what} was created by someone else meanwhile.", e);
        }

        if (rows != 1)
        {
            throw new ConcurrencyException($"The {what} changed since it was read.");
        }
    }

    /// <summary>An ETag this store did not issue matches no version, like a stale one.</summary>
    private static long ExpectedVersion(string etag, string what) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ConcurrencyException($"The {what} was read with a version this store does not know (\"{etag}\").");
}
