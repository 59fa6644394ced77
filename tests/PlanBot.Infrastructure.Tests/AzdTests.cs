using System.Text.Json.Nodes;

namespace PlanBot.Infrastructure.Tests;

/// <summary>azure.yaml and infra/main.parameters.json agree with the template and the repository.</summary>
[Collection(BicepCollection.Name)]
public sealed class AzdTests(CompiledTemplateFixture compiled)
{
    private static string[] AzureYaml() => File.ReadAllLines(BicepTool.PathOf("azure.yaml"));

    [Theory]
    [InlineData("planbot:")]
    [InlineData("project: ./src/PlanBot.Host")]
    [InlineData("language: dotnet")]
    [InlineData("host: appservice")]
    [InlineData("provider: bicep")]
    [InlineData("path: infra")]
    [InlineData("module: main")]
    public void Azure_yaml_declares_the_service_and_the_infrastructure(string line)
    {
        Assert.Contains(line, AzureYaml().Select(l => l.Trim()));
    }

    [Fact]
    public void Azure_yaml_service_project_exists()
    {
        Assert.True(File.Exists(BicepTool.PathOf("src", "PlanBot.Host", "PlanBot.Host.csproj")));
    }

    [Fact]
    public void Parameters_file_passes_the_azd_environment_and_only_known_parameters()
    {
        var file = JsonNode.Parse(File.ReadAllText(BicepTool.PathOf("infra", "main.parameters.json")))!;
        var parameters = file["parameters"]!.AsObject();
        var declared = compiled.Template.Root["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", (string?)parameters["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)parameters["location"]?["value"]);
        Assert.All(parameters, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of infra/main.bicep"));
        var required = declared.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key);
        Assert.All(required, name => Assert.True(parameters.ContainsKey(name), $"required parameter {name} is not passed"));
    }
}
