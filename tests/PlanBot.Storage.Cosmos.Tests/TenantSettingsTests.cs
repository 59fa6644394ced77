using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>Tenant settings: created once, replaced only on the ETag read, never seen by another tenant.</summary>
[Collection(CosmosCollection.Name)]
public sealed class TenantSettingsTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Settings_are_created_read_back_and_replaced_on_the_ETag_read()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var tenant = "slack:T0/with?odd#chars";
        Assert.Null(await host.Store.GetTenantAsync(tenant, None));

        var settings = new TenantDocument { TenantId = tenant, ReleaseAdmins = [Owner] };
        await host.Store.SaveTenantAsync(new Versioned<TenantDocument>(settings, null), None);
        var read = await host.Store.GetTenantAsync(tenant, None);
        Assert.NotNull(read);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(Owner, Assert.Single(read.Document.ReleaseAdmins));

        read.Document.ReleaseAdmins.Clear();
        await host.Store.SaveTenantAsync(read, None);
        var again = await host.Store.GetTenantAsync(tenant, None);
        Assert.Empty(again!.Document.ReleaseAdmins);
        Assert.NotEqual(read.ETag, again.ETag);
        Assert.Null(await host.Store.GetTenantAsync(NewTenant(), None));
    }

    [Fact]
    public async Task A_stale_or_duplicate_write_of_settings_is_a_conflict_and_changes_nothing()
    {
        var database = CosmosFixture.NewDatabase();
        var a = await cosmos.OpenAsync(database);
        var b = await cosmos.OpenAsync(database);
        var tenant = NewTenant();
        await a.Store.SaveTenantAsync(new Versioned<TenantDocument>(new TenantDocument { TenantId = tenant }, null), None);

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            b.Store.SaveTenantAsync(new Versioned<TenantDocument>(new TenantDocument { TenantId = tenant, ReleaseAdmins = [Owner] }, null), None));
        var onA = await a.Store.GetTenantAsync(tenant, None);
        var onB = await b.Store.GetTenantAsync(tenant, None);
        onB!.Document.ReleaseAdmins.Add(Owner);
        await b.Store.SaveTenantAsync(onB, None);
        onA!.Document.ReleaseAdmins.Add(new Domain.Answers.PersonRef("29:late", "Late Writer"));
        await Assert.ThrowsAsync<ConcurrencyException>(() => a.Store.SaveTenantAsync(onA, None));

        var saved = await a.Store.GetTenantAsync(tenant, None);
        Assert.Equal(Owner, Assert.Single(saved!.Document.ReleaseAdmins));
    }
}
