namespace PlanBot.Infrastructure.Tests;

[Collection(BicepCollection.Name)]
public sealed class CheckScriptTests(CompiledTemplateFixture compiled)
{
    [Fact]
    public async Task Check_script_passes_with_no_errors_or_warnings()
    {
        var result = await BicepTool.CheckAsync();

        Assert.True(result.ExitCode == 0, $"tools/bicep/check.sh exited {result.ExitCode}:\n{result.Output}");
        Assert.DoesNotContain("Warning", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", result.Output, StringComparison.Ordinal);
        Assert.Contains("check: clean", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_of_main_reports_nothing()
    {
        Assert.True(compiled.Install.ExitCode == 0, compiled.Install.Output);
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.Output);
        Assert.Equal("", compiled.Build.StandardError.Trim());
    }

    [Fact]
    public void Template_is_resource_group_scoped()
    {
        var schema = (string?)compiled.Template.Root["$schema"];

        Assert.Contains("deploymentTemplate.json", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("subscriptionDeploymentTemplate", schema, StringComparison.Ordinal);
    }
}
