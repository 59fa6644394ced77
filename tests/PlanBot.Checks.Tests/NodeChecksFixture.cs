using PlanBot.Testing.Checks;

namespace PlanBot.Checks.Tests;

/// <summary>Installs tools/checks once per test run, before the first test that needs Node.</summary>
public sealed class NodeChecksFixture : IAsyncLifetime
{
    public Task InitializeAsync() => NodeChecks.EnsureInstalledAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class NodeChecksCollection : ICollectionFixture<NodeChecksFixture>
{
    public const string Name = "Node checks";
}
