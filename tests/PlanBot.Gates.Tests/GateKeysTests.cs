using PlanBot.Conversations.Gates;
using PlanBot.Conversations.State;
using PlanBot.Testing;

namespace PlanBot.Gates.Tests;

/// <summary>Gate keys name their tenant, are kept as a hash only, and match nothing but themselves.</summary>
public sealed class GateKeysTests
{
    private const string Tenant = "msteams:72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Fact]
    public void Every_key_names_its_tenant_whatever_its_random_part_holds()
    {
        // Base64url puts '_' and '-' in either half now and then: a few hundred keys meet both.
        for (var i = 0; i < 500; i++)
        {
            var (_, key) = GateKeys.Create(Tenant, People.Alex, SamplePlans.Now);
            Assert.Equal(Tenant, GateKeys.TenantOf(key));
        }
    }

    [Fact]
    public void A_key_matches_its_stored_hash_and_no_other_key_does()
    {
        var (stored, key) = GateKeys.Create(Tenant, People.Alex, SamplePlans.Now);
        var (_, other) = GateKeys.Create(Tenant, People.Alex, SamplePlans.Now);
        var tenant = new TenantDocument { TenantId = Tenant, GateKeys = [stored] };

        Assert.Same(stored, GateKeys.Match(tenant, key));
        Assert.Null(GateKeys.Match(tenant, other));
        Assert.DoesNotContain(key[^43..], stored.Hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("pbg_")]
    [InlineData("pbg_.")]
    [InlineData("pbg_bXN0ZWFtczp0")]
    [InlineData("pbg_!!!.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ghp_bXN0ZWFtczp0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_not_shaped_like_a_key_names_no_tenant(string? key) => Assert.Null(GateKeys.TenantOf(key));
}
