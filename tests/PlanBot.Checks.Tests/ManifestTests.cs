using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanBot.Testing.Checks;

namespace PlanBot.Checks.Tests;

[Collection(NodeChecksCollection.Name)]
public sealed partial class ManifestTests
{
    private const string Placeholder = "00000000-0000-0000-0000-000000000000";

    private static readonly string[] ChatCommands =
    [
        "help", "plan", "status", "show", "edit", "skip", "back", "submit", "approve", "reject",
        "list", "pending", "channel set", "history", "export", "assign", "cancel",
    ];

    private static string ManifestPath => Path.Combine(NodeChecks.RepositoryRoot, "manifests", "teams", "manifest.json");

    private static JsonObject Manifest() => JsonNode.Parse(File.ReadAllText(ManifestPath))!.AsObject();

    [GeneratedRegex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemVer();

    [Fact]
    public void Tabs_are_served_by_the_host_and_sign_in_with_the_bots_app_registration()
    {
        var manifest = Manifest();

        var personal = manifest["staticTabs"]!.AsArray().Single()!;
        Assert.Equal("Plans", (string?)personal["name"]);
        Assert.Equal("https://planbot.example/tab/plans", (string?)personal["contentUrl"]);
        var channel = manifest["configurableTabs"]!.AsArray().Single()!;
        Assert.Equal("https://planbot.example/tab/configure", (string?)channel["configurationUrl"]);
        Assert.Contains("team", channel["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Contains("planbot.example", manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        var sso = manifest["webApplicationInfo"]!;
        Assert.Equal(Placeholder, (string?)sso["id"]);
        Assert.Equal($"api://planbot.example/{Placeholder}", (string?)sso["resource"]);
    }

    [Fact]
    public async Task Manifest_passes_the_v1_19_schema()
    {
        var result = await NodeChecks.CheckManifestAsync(ManifestPath);

        Assert.True(result.Passed, result.Errors);
        Assert.Contains("schema v1.19", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_without_full_name_fails_the_schema()
    {
        var manifest = Manifest();
        manifest["name"]!.AsObject().Remove("full");
        var directory = Directory.CreateTempSubdirectory("planbot-manifest-");
        try
        {
            var path = Path.Combine(directory.FullName, "manifest.json");
            await File.WriteAllTextAsync(path, manifest.ToJsonString());

            var result = await NodeChecks.CheckManifestAsync(path);

            Assert.False(result.Passed);
            Assert.Contains("/name must have required property 'full'", result.Errors, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Manifest_with_a_bad_bot_scope_fails_the_schema()
    {
        var manifest = Manifest();
        manifest["bots"]![0]!["scopes"] = new JsonArray("personal", "groupchat");
        var directory = Directory.CreateTempSubdirectory("planbot-manifest-");
        try
        {
            var path = Path.Combine(directory.FullName, "manifest.json");
            await File.WriteAllTextAsync(path, manifest.ToJsonString());

            var result = await NodeChecks.CheckManifestAsync(path);

            Assert.False(result.Passed);
            Assert.Contains("/bots/0/scopes/1", result.Errors, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Ids_are_the_placeholder_guid_the_packager_replaces()
    {
        var manifest = Manifest();
        var bot = Assert.Single(manifest["bots"]!.AsArray())!;

        Assert.Matches(Guid(), (string)manifest["id"]!);
        Assert.Matches(Guid(), (string)bot["botId"]!);
        Assert.Equal(Placeholder, (string)manifest["id"]!);
        Assert.Equal(Placeholder, (string)bot["botId"]!);
    }

    [Fact]
    public void Required_fields_respect_their_limits()
    {
        var manifest = Manifest();

        Assert.Equal("1.19", (string)manifest["manifestVersion"]!);
        Assert.Contains("/teams/v1.19/", (string)manifest["$schema"]!, StringComparison.Ordinal);
        Assert.Matches(SemVer(), (string)manifest["version"]!);
        Assert.Matches(HexColor(), (string)manifest["accentColor"]!);
        Assert.Equal("PlanBot", (string)manifest["name"]!["short"]!);
        Assert.Equal("PlanBot: deployment plans in chat", (string)manifest["name"]!["full"]!);
        Assert.InRange(((string)manifest["developer"]!["name"]!).Length, 1, 32);
        Assert.InRange(((string)manifest["description"]!["short"]!).Length, 1, 80);
        Assert.NotEqual((string)manifest["description"]!["short"]!, (string)manifest["description"]!["full"]!);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", (string)manifest["developer"]![url]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Icons_named_by_the_manifest_exist_beside_it()
    {
        var icons = Manifest()["icons"]!;
        var directory = Path.GetDirectoryName(ManifestPath)!;

        Assert.True(File.Exists(Path.Combine(directory, (string)icons["color"]!)));
        Assert.True(File.Exists(Path.Combine(directory, (string)icons["outline"]!)));
    }

    [Fact]
    public void Command_lists_cover_every_scope_with_at_most_ten_known_commands_each()
    {
        var bot = Manifest()["bots"]![0]!;
        var lists = bot["commandLists"]!.AsArray();
        var botScopes = bot["scopes"]!.AsArray().Select(s => (string)s!).ToHashSet();

        Assert.Equal(["groupChat", "personal", "team"], botScopes.Order(StringComparer.Ordinal));
        Assert.InRange(lists.Count, 1, 3);
        var listScopes = lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string)s!)).ToList();
        Assert.Equal(listScopes.Count, listScopes.Distinct().Count());
        Assert.True(botScopes.SetEquals(listScopes), "each bot scope has exactly one command list");

        foreach (var list in lists)
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            var titles = commands.Select(c => (string)c!["title"]!).ToList();
            Assert.Equal(titles.Count, titles.Distinct().Count());
            Assert.All(titles, t => Assert.Contains(t, ChatCommands));
            Assert.All(commands, c => Assert.InRange(((string)c!["description"]!).Length, 1, 128));
            Assert.Contains("help", titles);
        }
    }

    [Fact]
    public void Channel_command_list_has_the_channel_and_approval_commands()
    {
        var lists = Manifest()["bots"]![0]!["commandLists"]!.AsArray();
        var team = lists.Single(l => l!["scopes"]!.AsArray().Any(s => (string)s! == "team"))!;
        var titles = team["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();

        Assert.Contains("channel set", titles);
        Assert.Contains("submit", titles);
        Assert.Contains("approve", titles);
        Assert.Contains("reject", titles);
        Assert.Contains("status", titles);
    }
}
