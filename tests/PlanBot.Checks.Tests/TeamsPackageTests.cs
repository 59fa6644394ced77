using System.IO.Compression;
using System.Text.Json.Nodes;
using PlanBot.Testing.Checks;

namespace PlanBot.Checks.Tests;

[Collection(NodeChecksCollection.Name)]
public sealed class TeamsPackageTests
{
    private const string AppId = "3f2b8c1e-7d4a-4b6e-9c1f-2a5d8e7b6c40";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static string Script => Path.Combine(NodeChecks.RepositoryRoot, "tools", "teams-package.sh");

    private static async Task<(ProcessResult Result, string Zip)> PackageAsync(DirectoryInfo output, params string[] arguments)
    {
        var zip = Path.Combine(output.FullName, "planbot-teams.zip");
        var result = await NodeChecks.RunAsync(
            "bash",
            [Script, .. arguments],
            NodeChecks.RepositoryRoot,
            new Dictionary<string, string> { ["TEAMS_PACKAGE_OUT"] = zip, ["MicrosoftAppId"] = string.Empty },
            Timeout);
        return (result, zip);
    }

    private static byte[] Read(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Package_holds_exactly_the_manifest_and_both_icons_at_its_root()
    {
        var output = Directory.CreateTempSubdirectory("planbot-package-");
        try
        {
            var (result, zip) = await PackageAsync(output, AppId);

            Assert.True(result.ExitCode == 0, result.StandardError);
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

            var manifest = JsonNode.Parse(Read(archive, "manifest.json"))!;
            Assert.Equal(AppId, (string)manifest["id"]!);
            Assert.Equal(AppId, (string)manifest["bots"]![0]!["botId"]!);
            Assert.Equal((192, 192), PngImage.ReadSize(Read(archive, "color.png")));
            Assert.Equal((32, 32), PngImage.ReadSize(Read(archive, "outline.png")));

            var packaged = Path.Combine(output.FullName, "manifest.json");
            await File.WriteAllBytesAsync(packaged, Read(archive, "manifest.json"));
            var check = await NodeChecks.CheckManifestAsync(packaged);
            Assert.True(check.Passed, check.Errors);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task App_id_can_come_from_the_MicrosoftAppId_variable()
    {
        var output = Directory.CreateTempSubdirectory("planbot-package-");
        try
        {
            var zip = Path.Combine(output.FullName, "planbot-teams.zip");
            var result = await NodeChecks.RunAsync(
                "bash",
                [Script],
                NodeChecks.RepositoryRoot,
                new Dictionary<string, string> { ["TEAMS_PACKAGE_OUT"] = zip, ["MicrosoftAppId"] = AppId.ToUpperInvariant() },
                Timeout);

            Assert.True(result.ExitCode == 0, result.StandardError);
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(AppId.ToUpperInvariant(), (string)JsonNode.Parse(Read(archive, "manifest.json"))!["id"]!);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f2b8c1e7d4a4b6e9c1f2a5d8e7b6c40")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Packager_refuses_an_app_id_that_is_not_a_real_guid(string appId)
    {
        var output = Directory.CreateTempSubdirectory("planbot-package-");
        try
        {
            var (result, zip) = await PackageAsync(output, appId);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("teams-package:", result.StandardError, StringComparison.Ordinal);
            Assert.False(File.Exists(zip));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Packager_refuses_to_run_without_an_app_id()
    {
        var output = Directory.CreateTempSubdirectory("planbot-package-");
        try
        {
            var (result, zip) = await PackageAsync(output);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("MicrosoftAppId", result.StandardError, StringComparison.Ordinal);
            Assert.False(File.Exists(zip));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
