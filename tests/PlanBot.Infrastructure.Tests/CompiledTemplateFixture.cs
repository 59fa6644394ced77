namespace PlanBot.Infrastructure.Tests;

/// <summary>Compiles infra/main.bicep once for every test of the collection.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    private ArmTemplate? _template;

    /// <summary>Resolving the pinned Bicep binary, which restores it from NuGet the first time.</summary>
    public ProcessResult Install { get; private set; } = new(-1, "", "");

    public ProcessResult Build { get; private set; } = new(-1, "", "");

    public ArmTemplate Template => _template ?? throw new InvalidOperationException($"bicep build failed:\n{Build.Output}");

    public async Task InitializeAsync()
    {
        Install = await BicepTool.EnsureInstalledAsync();
        Build = await BicepTool.BuildMainAsync();
        if (Build.ExitCode == 0)
        {
            _template = ArmTemplate.Parse(Build.StandardOutput);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// One collection, so tests run one at a time: the first Bicep run may restore its package, and
/// two restores of tools/bicep at once would race.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Bicep";
}
