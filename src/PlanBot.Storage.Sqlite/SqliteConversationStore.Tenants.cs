using System.Globalization;
using System.Text.Json;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Storage.Sqlite;

/// <summary>Tenant settings: one row per tenant, written conditionally on its version like plans.</summary>
public sealed partial class SqliteConversationStore : ITenantStore
{
    public Task<Versioned<TenantDocument>?> GetTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        connections.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, body FROM tenants WHERE id = $id";
            command.Parameters.AddWithValue("$id", tenantId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new Versioned<TenantDocument>(
                    Deserialize(reader, 1, StateJsonContext.Default.TenantDocument, $"tenant {tenantId}"),
                    Tag(reader.GetInt64(0)))
                : null;
        }, cancellationToken);

    public Task SaveTenantAsync(Versioned<TenantDocument> tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return connections.WriteAsync(async connection =>
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

            await ExecuteConditionalAsync(command, $"tenant {tenant.Document.TenantId}", cancellationToken);
        }, cancellationToken);
    }
}
