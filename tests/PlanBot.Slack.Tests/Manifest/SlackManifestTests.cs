using PlanBot.Testing.Checks;

namespace PlanBot.Slack.Tests.Manifest;

/// <summary>The Slack app manifest names what PlanBot serves and calls, and nothing more.</summary>
public sealed class SlackManifestTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(NodeChecks.RepositoryRoot, "manifests", "slack", "manifest.yml"));

    /// <summary>The items of the YAML list under <paramref name="key"/> (comments skipped).</summary>
    private static List<string> List(string key)
    {
        var start = Array.FindIndex(Lines, l => l.Trim() == key + ":");
        Assert.True(start >= 0, $"no {key}");
        var indent = Lines[start].Length - Lines[start].TrimStart().Length;
        var items = new List<string>();
        foreach (var line in Lines.Skip(start + 1))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (line.Length - line.TrimStart().Length <= indent && !trimmed.StartsWith('-'))
            {
                break;
            }

            if (trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                items.Add(trimmed[2..].Trim());
            }
        }

        return items;
    }

    private static string Value(string key) =>
        Lines.Select(l => l.Trim()).Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim();

    [Fact]
    public void The_bot_scopes_are_exactly_those_of_the_methods_and_events_used()
    {
        Assert.Equal(
            ["app_mentions:read", "channels:read", "chat:write", "commands", "groups:read", "im:history", "mpim:read", "users:read", "users:read.email"],
            List("bot").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_events_are_mentions_direct_messages_the_home_tab_and_removal()
    {
        Assert.Equal(["app_home_opened", "app_mention", "app_uninstalled", "message.im", "tokens_revoked"], List("bot_events").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_home_tab_is_enabled()
    {
        Assert.Contains("    home_tab_enabled: true", Lines);
    }

    [Fact]
    public void The_request_urls_are_the_three_endpoints()
    {
        Assert.Contains(Lines, l => l.Trim() == "request_url: https://YOUR-HOST/api/slack/events");
        Assert.Equal("https://YOUR-HOST/api/slack/commands", Value("url"));
        Assert.Contains(Lines, l => l.Trim() == "request_url: https://YOUR-HOST/api/slack/interactivity");
        Assert.Equal("/plan", Value("- command"));
        Assert.Equal("PlanBot", Value("display_name"));
        Assert.Equal("false", Value("socket_mode_enabled"));
        Assert.Equal("true", Value("messages_tab_enabled"));
    }
}
