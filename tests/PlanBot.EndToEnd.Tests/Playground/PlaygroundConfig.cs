// The Teams world the Agents Playground emulates (tenant, bot, users, chats, team and channels),
// read from the same .m365agentsplayground.yml that the playground reads.
namespace PlanBot.EndToEnd.Tests.Playground;

public sealed record PlaygroundUser(
    string Id,
    string Name,
    string AadObjectId,
    string UserPrincipalName,
    string GivenName,
    string Surname,
    string Email);

public sealed record PlaygroundChannel(string Id, string Name);

/// <summary>The conversation ids a test can speak in.</summary>
/// <param name="PersonalChat">The 1:1 chat between the current user and the bot.</param>
/// <param name="GroupChat">The group chat of the current user, the other users and the bot.</param>
/// <param name="TeamGeneral">The team's General channel; its id is the team id.</param>
/// <param name="Releases">The team's "Releases" channel.</param>
public sealed record PlaygroundConversations(string PersonalChat, string GroupChat, string TeamGeneral, string Releases);

public sealed class PlaygroundConfig
{
    private PlaygroundConfig(
        string tenantId,
        string botId,
        string botName,
        PlaygroundUser currentUser,
        IReadOnlyList<PlaygroundUser> otherUsers,
        string personalChatId,
        string groupChatId,
        string groupChatName,
        string teamId,
        string teamName,
        string teamAadGroupId,
        IReadOnlyList<PlaygroundChannel> channels)
    {
        TenantId = tenantId;
        BotId = botId;
        BotName = botName;
        CurrentUser = currentUser;
        OtherUsers = otherUsers;
        PersonalChatId = personalChatId;
        GroupChatId = groupChatId;
        GroupChatName = groupChatName;
        TeamId = teamId;
        TeamName = teamName;
        TeamAadGroupId = teamAadGroupId;
        Channels = channels;
        var releases = channels.FirstOrDefault(c => string.Equals(c.Name, "Releases", StringComparison.OrdinalIgnoreCase))
            ?? channels.FirstOrDefault(c => c.Id != teamId)
            ?? throw new InvalidDataException("The playground config has no channel besides General (expected one named \"Releases\").");
        Conversations = new PlaygroundConversations(personalChatId, groupChatId, teamId, releases.Id);
    }

    public string TenantId { get; }

    public string BotId { get; }

    public string BotName { get; }

    /// <summary>The user every message typed through the playground's API comes from (user-id-0).</summary>
    public PlaygroundUser CurrentUser { get; }

    /// <summary>The five other users, members of the group chat and the team.</summary>
    public IReadOnlyList<PlaygroundUser> OtherUsers { get; }

    /// <summary>The current user first, then the others.</summary>
    public IReadOnlyList<PlaygroundUser> AllUsers => [CurrentUser, .. OtherUsers];

    public string PersonalChatId { get; }

    public string GroupChatId { get; }

    public string GroupChatName { get; }

    public string TeamId { get; }

    public string TeamName { get; }

    public string TeamAadGroupId { get; }

    /// <summary>General (id = team id) first, then the configured channel.</summary>
    public IReadOnlyList<PlaygroundChannel> Channels { get; }

    public PlaygroundConversations Conversations { get; }

    public PlaygroundUser User(string id) =>
        AllUsers.FirstOrDefault(u => u.Id == id) ?? throw new ArgumentException($"No playground user has id '{id}'.", nameof(id));

    public static PlaygroundConfig Load(string path) => Parse(File.ReadAllText(path));

    public static PlaygroundConfig Parse(string yaml)
    {
        var root = MiniYaml.Parse(yaml);
        var bot = Map(root, "bot");
        var team = Map(root, "team");
        var teamId = Text(team, "id");
        var channels = new List<PlaygroundChannel> { new(teamId, "General") };
        channels.AddRange(List(team, "channels").Select(c => new PlaygroundChannel(Text(AsMap(c, "team.channels[]"), "id"), Text(AsMap(c, "team.channels[]"), "name"))));
        return new PlaygroundConfig(
            Text(root, "tenantId"),
            Text(bot, "id"),
            Text(bot, "name"),
            ReadUser(AsMap(root["currentUser"], "currentUser")),
            List(root, "users").Select(u => ReadUser(AsMap(u, "users[]"))).ToList(),
            Text(Map(root, "personalChat"), "id"),
            Text(Map(root, "groupChat"), "id"),
            Text(Map(root, "groupChat"), "name"),
            teamId,
            Text(team, "name"),
            Text(team, "aadGroupId"),
            channels);
    }

    private static PlaygroundUser ReadUser(IReadOnlyDictionary<string, object> u) => new(
        Text(u, "id"),
        Text(u, "name"),
        Text(u, "aadObjectId"),
        Text(u, "userPrincipleName"),
        Text(u, "givenName"),
        Text(u, "surname"),
        Text(u, "email"));

    private static IReadOnlyDictionary<string, object> Map(IReadOnlyDictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var value) ? AsMap(value, key) : throw new InvalidDataException($"The playground config lacks '{key}'.");

    private static IReadOnlyDictionary<string, object> AsMap(object value, string what) =>
        value as IReadOnlyDictionary<string, object> ?? throw new InvalidDataException($"The playground config's '{what}' is not a mapping.");

    private static IReadOnlyList<object> List(IReadOnlyDictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is IReadOnlyList<object> list ? list : [];

    private static string Text(IReadOnlyDictionary<string, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is string s ? s : throw new InvalidDataException($"The playground config lacks the text '{key}'.");
}

/// <summary>
/// Reads the small block-style YAML subset the playground config uses: nested mappings, sequences
/// of mappings or scalars, plain or quoted scalars, and comments.
/// </summary>
internal static class MiniYaml
{
    private sealed record Line(int Indent, string Text, int Number);

    public static IReadOnlyDictionary<string, object> Parse(string yaml)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in yaml.Replace("\r\n", "\n").Split('\n'))
        {
            number++;
            var text = StripComment(raw).TrimEnd();
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = text.Length - text.TrimStart(' ').Length;
            lines.Add(new Line(indent, text.Trim(), number));
        }

        var index = 0;
        var result = ParseBlock(lines, ref index, lines.Count > 0 ? lines[0].Indent : 0);
        return result as IReadOnlyDictionary<string, object> ?? throw new InvalidDataException("The YAML document is not a mapping.");
    }

    private static object ParseBlock(List<Line> lines, ref int index, int indent)
    {
        if (index < lines.Count && lines[index].Text.StartsWith('-'))
        {
            var list = new List<object>();
            while (index < lines.Count && lines[index].Indent == indent && lines[index].Text.StartsWith('-'))
            {
                var line = lines[index];
                var rest = line.Text[1..].TrimStart();
                var restIndent = line.Indent + (line.Text.Length - rest.Length);
                if (rest.Length == 0)
                {
                    index++;
                    list.Add(index < lines.Count && lines[index].Indent > indent ? ParseBlock(lines, ref index, lines[index].Indent) : string.Empty);
                }
                else if (IsKeyValue(rest))
                {
                    // "- key: value" starts a mapping whose other keys sit at the column of "key".
                    lines[index] = new Line(restIndent, rest, line.Number);
                    list.Add(ParseBlock(lines, ref index, restIndent));
                }
                else
                {
                    list.Add(Scalar(rest));
                    index++;
                }
            }

            return list;
        }

        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (index < lines.Count && lines[index].Indent == indent && !lines[index].Text.StartsWith('-'))
        {
            var line = lines[index];
            if (!IsKeyValue(line.Text))
            {
                throw new InvalidDataException($"YAML line {line.Number}: expected 'key: value', got '{line.Text}'.");
            }

            var colon = KeyColon(line.Text);
            var key = Unquote(line.Text[..colon].Trim());
            var value = line.Text[(colon + 1)..].Trim();
            index++;
            if (value.Length > 0)
            {
                map[key] = Scalar(value);
            }
            else if (index < lines.Count && (lines[index].Indent > indent || (lines[index].Indent == indent && lines[index].Text.StartsWith('-'))))
            {
                map[key] = ParseBlock(lines, ref index, lines[index].Indent);
            }
            else
            {
                map[key] = string.Empty;
            }
        }

        if (index < lines.Count && lines[index].Indent > indent)
        {
            throw new InvalidDataException($"YAML line {lines[index].Number}: unexpected indentation.");
        }

        return map;
    }

    private static bool IsKeyValue(string text) => KeyColon(text) > 0;

    private static int KeyColon(string text)
    {
        if (text.StartsWith('"') || text.StartsWith('\''))
        {
            var close = text.IndexOf(text[0], 1);
            return close > 0 && close + 1 < text.Length && text[close + 1] == ':' ? close + 1 : -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Scalar(string value) => Unquote(value);

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return System.Text.RegularExpressions.Regex.Unescape(value[1..^1]);
        }

        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'");
        }

        return value;
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or ':' or '-'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }
}
