// Drives the Microsoft 365 Agents Playground (an offline Teams emulator, tools/playground) from
// tests: starts it behind tools/playground/loopback-guard.js, types messages and card actions
// through its HTTP API, and collects what the bot posts from its WebSockets.
//
// Turn boundaries: the playground answers a typed message before it calls the bot, so a turn is
// over once its log stream has recorded the bot's answer to every activity the turn caused, and
// nothing more arrived for a short quiet period.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlanBot.EndToEnd.Tests.Playground;

public sealed partial class AgentsPlayground : IAsyncDisposable
{
    /// <summary>The log's name for the playground acting as Teams.</summary>
    private const string PlaygroundParty = "Microsoft 365 Agents Playground";

    /// <summary>The log's name for the bot.</summary>
    private const string BotParty = "User Application";

    private const string ConfigFileName = ".m365agentsplayground.yml";
    private const int MaxOutputLines = 2000;

    private static readonly ConcurrentDictionary<AgentsPlayground, byte> Running = new();

    private readonly AgentsPlaygroundOptions options;
    private readonly Process process;
    private readonly HttpClient http;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource<int> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> output = new();
    private readonly Lock gate = new();
    private readonly List<BotMessageEvent> events = [];
    private readonly Dictionary<string, BotMessage> messagesById = new(StringComparer.Ordinal);
    private readonly List<string> messageOrder = [];
    private readonly List<LogItem> logItems = [];
    private readonly List<Task> receiveLoops = [];
    private readonly List<ClientWebSocket> sockets = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastFrameTicks = Stopwatch.GetTimestamp();
    private int disposed;

    static AgentsPlayground()
    {
        // A normal exit of the test process ends every playground still running; a killed test
        // process is covered by the guard, which exits once the process it watches is gone.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var playground in Running.Keys)
            {
                playground.KillProcess();
            }
        };
    }

    private AgentsPlayground(AgentsPlaygroundOptions options, Process process, PlaygroundConfig config, string workingDirectory)
    {
        this.options = options;
        this.process = process;
        Config = config;
        WorkingDirectory = workingDirectory;
        http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
    }

    public PlaygroundConfig Config { get; }

    /// <summary>The personal chat, group chat, General and Releases conversation ids.</summary>
    public PlaygroundConversations Conversations => Config.Conversations;

    /// <summary>The port the playground reported ("Listening on N"); it silently moves off a taken port.</summary>
    public int Port { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The serviceUrl the playground hands the bot (note: <c>localhost</c>, no trailing slash).</summary>
    public Uri ServiceUrl => new($"http://localhost:{Port.ToString(CultureInfo.InvariantCulture)}/_connector");

    public int ProcessId => process.Id;

    /// <summary>The temporary folder the playground runs in: its config copy and devTools/m365agentsplayground.log.</summary>
    public string WorkingDirectory { get; }

    public string LogFilePath => Path.Combine(WorkingDirectory, "devTools", "m365agentsplayground.log");

    /// <summary>A mention of the bot, to put at the start of a group chat or channel message.</summary>
    public PlaygroundMention BotMention => new(Config.BotId, $"<at>{Config.BotName}</at>");

    /// <summary>The playground's standard output and error lines so far (including the guard's).</summary>
    public IReadOnlyList<string> Output => output.ToArray();

    /// <summary>Every connection or name lookup the loopback guard refused.</summary>
    public IReadOnlyList<string> GuardRefusals => output.Where(l => l.Contains("[loopback-guard] refused", StringComparison.Ordinal)).ToArray();

    /// <summary>Every bot message so far, in the order they were created, each in its latest state.</summary>
    public IReadOnlyList<BotMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return messageOrder.Select(id => messagesById[id]).ToList();
            }
        }
    }

    /// <summary>Every frame of the conversation stream so far.</summary>
    public IReadOnlyList<BotMessageEvent> Events
    {
        get
        {
            lock (gate)
            {
                return events.ToList();
            }
        }
    }

    /// <summary>Every activity delivered to the bot so far, with the bot's answer.</summary>
    public IReadOnlyList<PlaygroundBotCall> BotCalls
    {
        get
        {
            lock (gate)
            {
                return logItems.Where(i => i.Call is not null).Select(i => i.Call!).ToList();
            }
        }
    }

    /// <summary>Every warning or error the playground logged so far.</summary>
    public IReadOnlyList<PlaygroundProblem> Problems
    {
        get
        {
            lock (gate)
            {
                return logItems.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();
            }
        }
    }

    /// <summary>The full path of <c>node</c> on PATH, or null.</summary>
    public static string? FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node.cmd" } : ["node"];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>tools/playground: <c>PLANBOT_PLAYGROUND_DIR</c>, else the nearest one above the test binaries.</summary>
    public static string FindPlaygroundDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PLANBOT_PLAYGROUND_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tools", "playground");
            if (File.Exists(Path.Combine(candidate, "start.sh")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No tools/playground/start.sh above {AppContext.BaseDirectory}; set PLANBOT_PLAYGROUND_DIR.");
    }

    /// <summary>
    /// Starts a playground that talks to <see cref="AgentsPlaygroundOptions.BotEndpoint"/>, waits until it listens
    /// and its WebSockets are connected. Throws if it cannot start.
    /// </summary>
    public static async Task<AgentsPlayground> StartAsync(AgentsPlaygroundOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.BotEndpoint.IsLoopback)
        {
            throw new ArgumentException($"The bot endpoint must be on loopback, not {options.BotEndpoint}.", nameof(options));
        }

        if (FindNode() is null)
        {
            throw new InvalidOperationException("node is not on PATH: the Agents Playground needs Node.js.");
        }

        var directory = options.PlaygroundDirectory ?? FindPlaygroundDirectory();
        var startScript = Path.Combine(directory, "start.sh");
        var configFile = options.ConfigFile ?? Path.Combine(directory, ConfigFileName);
        var config = PlaygroundConfig.Load(configFile);
        var workingDirectory = Directory.CreateTempSubdirectory("planbot-playground-").FullName;
        File.Copy(configFile, Path.Combine(workingDirectory, ConfigFileName));

        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[]
        {
            startScript,
            "-e", options.BotEndpoint.ToString(),
            "-p", options.Port.ToString(CultureInfo.InvariantCulture),
            "-w", workingDirectory,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // start.sh execs node, so the process started here is the playground itself; the guard in it
        // exits within a second of this test process going away, however it goes.
        startInfo.Environment["LOOPBACK_GUARD_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var playground = new AgentsPlayground(options, process, config, workingDirectory);
        try
        {
            await playground.StartCoreAsync(cancellationToken);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, isError: true);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The playground exited before it listened."));
        var started = Stopwatch.StartNew();
        if (!process.Start())
        {
            throw new InvalidOperationException("Could not start bash for tools/playground/start.sh.");
        }

        Running.TryAdd(this, 0);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            Port = await listening.Task.WaitAsync(options.StartupTimeout, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            if (process.HasExited)
            {
                await WaitForExitQuietlyAsync(TimeSpan.FromSeconds(5));
            }

            throw new InvalidOperationException(
                (e is TimeoutException ? $"The playground did not report \"Listening on\" within {options.StartupTimeout}." : $"The playground exited with code {process.ExitCode} before it listened.")
                + "\n" + DescribeOutput(),
                e);
        }

        http.BaseAddress = BaseAddress;
        try
        {
            // It prints "Listening on" before it reads its config, so only an answer that needs the
            // config shows it is ready (a bad config makes it exit right after listening).
            await WaitUntilReadyAsync(started, cancellationToken);
            await ConnectAsync("_ws_conversation/v1/conversations/stream", OnConversationFrame, cancellationToken);
            await ConnectAsync("_ws/log/stream", OnLogFrame, cancellationToken);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or TimeoutException or InvalidOperationException)
        {
            await WaitForExitQuietlyAsync(TimeSpan.FromSeconds(2));
            throw new InvalidOperationException(
                (process.HasExited ? $"The playground exited with code {process.ExitCode} after listening on {Port}" : $"The playground listens on {Port} but is not usable")
                + $": {e.Message}\n{DescribeOutput()}",
                e);
        }

        Note($"playground pid {process.Id} listening on 127.0.0.1:{Port} after {started.ElapsedMilliseconds} ms (work dir {WorkingDirectory})");
    }

    private async Task WaitUntilReadyAsync(Stopwatch started, CancellationToken cancellationToken)
    {
        var probe = new Uri($"_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(Config.PersonalChatId)}", UriKind.Relative);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("it exited before it was ready");
            }

            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync(probe, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                Note($"readiness probe answered {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                Note($"readiness probe failed: {e.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Note("readiness probe timed out");
            }

            if (started.Elapsed > options.StartupTimeout)
            {
                throw new TimeoutException($"not ready within {options.StartupTimeout}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task WaitForExitQuietlyAsync(TimeSpan timeout)
    {
        try
        {
            // Also lets the output readers drain.
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(timeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
        }
    }

    private void OnOutput(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(isError ? "[stderr] " + line : line);
        while (output.Count > MaxOutputLines && output.TryDequeue(out _))
        {
        }

        Note("playground: " + line);
        var match = ListeningPattern().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningPattern();

    private void Note(string message)
    {
        try
        {
            options.Log?.Invoke(message);
        }
        catch (InvalidOperationException)
        {
            // A test output helper refuses lines once its test has finished.
        }
    }

    private string DescribeOutput()
    {
        var lines = output.ToArray();
        var text = lines.Length == 0 ? "(no output)" : string.Join('\n', lines.TakeLast(60));
        var log = ReadLog();
        return $"--- playground output ---\n{text}" + (log.Length > 0 ? $"\n--- {LogFilePath} ---\n{log[Math.Max(0, log.Length - 4000)..]}" : string.Empty);
    }

    /// <summary>The playground's own log file (devTools/m365agentsplayground.log), or "" if none yet.</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogFilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    // ------------------------------------------------------------------------------------------
    // WebSockets
    // ------------------------------------------------------------------------------------------
    private async Task ConnectAsync(string path, Action<JsonObject> onFrame, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        sockets.Add(socket);
        var uri = new Uri($"ws://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{path}");
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await socket.ConnectAsync(uri, timeout.Token);
        }

        receiveLoops.Add(Task.Run(() => ReceiveLoopAsync(socket, path, onFrame), CancellationToken.None));
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket, string path, Action<JsonObject> onFrame)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!stopping.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stopping.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                try
                {
                    if (JsonNode.Parse(text) is JsonObject frame)
                    {
                        onFrame(frame);
                    }
                }
                catch (System.Text.Json.JsonException e)
                {
                    Note($"unreadable frame on {path}: {e.Message}: {text}");
                }

                Pulse();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (WebSocketException e) when (stopping.IsCancellationRequested || process.HasExited)
        {
            Note($"{path} closed: {e.Message}");
        }
        catch (WebSocketException e)
        {
            Note($"{path} failed: {e.Message}");
            output.Enqueue($"[driver] WebSocket {path} failed: {e.Message}");
        }
    }

    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            lastFrameTicks = Stopwatch.GetTimestamp();
            previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private void OnConversationFrame(JsonObject frame)
    {
        var action = Str(frame["action"]);
        var conversationId = Str(frame["actionConversationId"]) ?? string.Empty;
        var received = DateTimeOffset.UtcNow;
        lock (gate)
        {
            switch (action)
            {
                case "createMessage" or "updateMessage" when frame["message"] is JsonObject raw:
                {
                    var messageId = Str(raw["messageId"]) ?? string.Empty;
                    var fromBot = Str(raw["from"]?["id"]) == Config.BotId;
                    messagesById.TryGetValue(messageId, out var previous);
                    var isCreate = action == "createMessage";
                    var message = new BotMessage(
                        conversationId,
                        Str(raw["postConversationId"]) ?? previous?.PostConversationId,
                        messageId,
                        Str(raw["text"]),
                        Str(raw["textFormat"]),
                        ReadAttachments(raw["attachments"]),
                        Str(raw["attachmentLayout"]),
                        raw["timestamp"] is JsonValue ts && ts.TryGetValue<long>(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : received,
                        previous is null ? 0 : previous.Revision + 1,
                        raw);
                    events.Add(new BotMessageEvent(isCreate ? BotMessageAction.Created : BotMessageAction.Updated, conversationId, message, received, frame));
                    if (fromBot)
                    {
                        if (previous is null)
                        {
                            messageOrder.Add(messageId);
                        }

                        messagesById[messageId] = message;
                    }

                    Note($"bot {(isCreate ? "created" : "updated")} {message}");
                    break;
                }

                case "typing":
                    events.Add(new BotMessageEvent(BotMessageAction.Typing, conversationId, null, received, frame));
                    break;
                default:
                    Note($"conversation frame not understood: {frame.ToJsonString()}");
                    break;
            }
        }
    }

    private static List<BotAttachment> ReadAttachments(JsonNode? node) =>
        node is JsonArray array
            ? array.OfType<JsonObject>().Select(a => new BotAttachment(Str(a["contentType"]) ?? string.Empty, a["content"])).ToList()
            : [];

    private void OnLogFrame(JsonObject frame)
    {
        if (frame["log"] is not JsonObject log)
        {
            return;
        }

        PlaygroundBotCall? call = null;
        PlaygroundProblem? problem = null;
        if (Str(log["from"]) == PlaygroundParty && Str(log["to"]) == BotParty)
        {
            var response = log["response"] as JsonObject;
            call = new PlaygroundBotCall(
                Str(log["conversationId"]),
                Str(log["activityName"]),
                Str(log["messageId"]),
                response?["statusCode"] is JsonValue status && status.TryGetValue<int>(out var code) ? code : 0,
                log["request"]?["body"] as JsonObject,
                response?["body"],
                log);
            Note($"bot answered {call.ActivityType} {call.ActivityId} with {call.StatusCode}");
        }
        else if (Str(log["level"]) is "warning" or "error" && Str(log["displayText"]) is { } text)
        {
            problem = new PlaygroundProblem(Str(log["conversationId"]), Str(log["level"])!, text, log);
            Note($"playground {problem.Level}: {text}");
        }

        lock (gate)
        {
            logItems.Add(new LogItem(call, problem, log));
        }
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    private sealed record LogItem(PlaygroundBotCall? Call, PlaygroundProblem? Problem, JsonObject Raw);

    // ------------------------------------------------------------------------------------------
    // Turns
    // ------------------------------------------------------------------------------------------

    /// <summary>
    /// Types <paramref name="text"/> into a conversation as <paramref name="fromUserId"/> (default: the current
    /// user; in the personal chat only the current user may type) and waits for the bot's turn to end. In the
    /// group chat and channels the bot is only called when <paramref name="mentions"/> mention it; then the turn
    /// just waits for the quiet period. A message to a channel (not a thread) starts a new post whose thread id
    /// is <see cref="PlaygroundTurn.PostConversationId"/>.
    /// </summary>
    public async Task<PlaygroundTurn> SendAsync(
        string conversationId,
        string text,
        IReadOnlyList<PlaygroundMention>? mentions = null,
        string? fromUserId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(text);
        var body = new JsonObject
        {
            ["text"] = text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = fromUserId ?? Config.CurrentUser.Id },
        };
        if (mentions is { Count: > 0 })
        {
            body["mentions"] = new JsonArray(mentions.Select(m => (JsonNode)new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = m.Id },
                ["text"] = m.Text,
            }).ToArray());
        }

        var botIsCalled = !IsSharedConversation(conversationId) || (mentions?.Any(m => m.Id == Config.BotId) ?? false);
        var (response, turn) = await RunTurnAsync(
            conversationId,
            botIsCalled ? 1 : 0,
            ct => PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, ct),
            cancellationToken);
        return turn.WithUserMessage(Str(response?["messageId"]), Str(response?["postConversationId"]));
    }

    /// <summary>Sends "&lt;at&gt;Bot&lt;/at&gt; <paramref name="text"/>" with a mention of the bot.</summary>
    public Task<PlaygroundTurn> SendToBotAsync(string conversationId, string text, string? fromUserId = null, CancellationToken cancellationToken = default) =>
        IsSharedConversation(conversationId)
            ? SendAsync(conversationId, $"{BotMention.Text} {text}", [BotMention], fromUserId, cancellationToken)
            : SendAsync(conversationId, text, null, fromUserId, cancellationToken);

    /// <summary>The mention of a configured user, <c>&lt;at&gt;Name&lt;/at&gt;</c>.</summary>
    public PlaygroundMention MentionOf(string userId) => new(userId, $"<at>{Config.User(userId).Name}</at>");

    /// <summary>The playground's template of a custom activity for a conversation (type is "&lt;custom-activity-type&gt;"
    /// unless <paramref name="type"/> names one of its templates, e.g. install, userAdded, channelCreated).</summary>
    public async Task<JsonObject> GetCustomActivityTemplateAsync(string conversationId, string? type = null, CancellationToken cancellationToken = default)
    {
        var query = "conversationId=" + Uri.EscapeDataString(conversationId) + (type is null ? string.Empty : "&type=" + Uri.EscapeDataString(type));
        using var response = await http.GetAsync(new Uri($"_internal/v1/customActivities/template?{query}", UriKind.Relative), cancellationToken);
        var content = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET customActivities/template?{query} answered {(int)response.StatusCode}: {content}");
        }

        return JsonNode.Parse(content) as JsonObject ?? throw new InvalidOperationException($"The custom activity template is not an object: {content}");
    }

    /// <summary>Delivers any activity to the bot as is, and waits for the turn to end.</summary>
    public async Task<PlaygroundTurn> SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = Str(activity["conversation"]?["id"]);
        var (_, turn) = await RunTurnAsync(conversationId, 1, ct => PostAsync("_internal/v1/customActivities", activity, ct), cancellationToken);
        return turn;
    }

    /// <summary>Delivers an activity given as JSON text.</summary>
    public Task<PlaygroundTurn> SendCustomActivityAsync(string activityJson, CancellationToken cancellationToken = default) =>
        SendCustomActivityAsync(JsonNode.Parse(activityJson) as JsonObject ?? throw new ArgumentException("The activity is not a JSON object.", nameof(activityJson)), cancellationToken);

    /// <summary>
    /// Delivers a message from any configured user (the messages API only types as the current user in the
    /// personal chat), built from the playground's custom activity template with Teams' channelData and mention
    /// entities. The bot gets it whether or not it is mentioned.
    /// </summary>
    public async Task<PlaygroundTurn> SendMessageAsAsync(
        string conversationId,
        string fromUserId,
        string text,
        IReadOnlyList<PlaygroundMention>? mentions = null,
        CancellationToken cancellationToken = default)
    {
        var user = Config.User(fromUserId);
        var activity = await GetCustomActivityTemplateAsync(conversationId, null, cancellationToken);
        activity["type"] = "message";
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["locale"] = "en-US";
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        var entities = new JsonArray();
        foreach (var mention in mentions ?? [])
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject
                {
                    ["id"] = mention.Id,
                    ["name"] = mention.Id == Config.BotId ? Config.BotName : Config.AllUsers.FirstOrDefault(u => u.Id == mention.Id)?.Name,
                },
                ["text"] = mention.Text,
            });
        }

        activity["entities"] = entities;
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Config.TenantId } };
        var channel = Config.Channels.FirstOrDefault(c => conversationId == c.Id || conversationId.StartsWith(c.Id + ";messageid=", StringComparison.Ordinal));
        if (channel is not null)
        {
            channelData["teamsChannelId"] = channel.Id;
            channelData["teamsTeamId"] = Config.TeamId;
            channelData["team"] = new JsonObject { ["id"] = Config.TeamId };
            channelData["channel"] = new JsonObject { ["id"] = channel.Id };
        }

        activity["channelData"] = channelData;
        return await SendCustomActivityAsync(activity, cancellationToken);
    }

    /// <summary>
    /// Sends an invoke (e.g. <c>adaptiveCard/action</c> for Action.Execute, with <paramref name="replyToId"/> the card's
    /// message id) and returns what the playground answered, the bot's <c>{type, value}</c>.
    /// </summary>
    public async Task<PlaygroundInvokeResult> InvokeAsync(
        string name,
        JsonNode value,
        string conversationId,
        string? replyToId = null,
        string? fromUserId = null,
        CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["value"] = value?.DeepClone(),
            ["from"] = new JsonObject { ["id"] = fromUserId ?? Config.CurrentUser.Id },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
        };
        if (replyToId is not null)
        {
            body["replyToId"] = replyToId;
        }

        var (response, turn) = await RunTurnAsync(conversationId, 1, ct => PostAsync("_conversation/v1/invoke", body, ct), cancellationToken);
        return new PlaygroundInvokeResult(response, turn);
    }

    /// <summary>Clicks an Action.Execute button of the card in message <paramref name="replyToId"/>.</summary>
    public Task<PlaygroundInvokeResult> ExecuteActionAsync(
        string conversationId,
        string replyToId,
        string verb,
        JsonObject? data = null,
        string? fromUserId = null,
        CancellationToken cancellationToken = default) =>
        InvokeAsync(
            "adaptiveCard/action",
            new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data?.DeepClone() ?? new JsonObject() },
                ["trigger"] = "manual",
            },
            conversationId,
            replyToId,
            fromUserId,
            cancellationToken);

    /// <summary>Clicks an Action.Submit button of the card in message <paramref name="replyToId"/>: the bot gets a
    /// message whose <c>value</c> is <paramref name="value"/> (the button's data merged with the inputs).</summary>
    public async Task<PlaygroundTurn> SubmitAsync(
        string conversationId,
        string replyToId,
        JsonObject value,
        string? fromUserId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromUserId ?? Config.CurrentUser.Id },
            ["replyToId"] = replyToId,
            ["value"] = value.DeepClone(),
        };
        var (_, turn) = await RunTurnAsync(conversationId, 1, ct => PostAsync("_conversation/v1/submit", body, ct), cancellationToken);
        return turn;
    }

    /// <summary>What a browser page connecting would do: the bot gets <c>installationUpdate</c> (add) and then
    /// <c>conversationUpdate</c> (members added) for the conversation.</summary>
    public async Task<PlaygroundTurn> TriggerInstallationAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var (_, turn) = await RunTurnAsync(
            conversationId,
            2,
            ct => PostAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject(), ct),
            cancellationToken);
        return turn;
    }

    /// <summary>Waits until a bot message (in its latest state) matches, e.g. a proactive message after a turn.</summary>
    public async Task<BotMessage> WaitForMessageAsync(Func<BotMessage, bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        BotMessage? found = null;
        var limit = timeout ?? options.TurnTimeout;
        var ok = await WaitUntilAsync(
            () =>
            {
                found = messageOrder.Select(id => messagesById[id]).FirstOrDefault(predicate);
                return found is not null;
            },
            Stopwatch.GetTimestamp() + ToTicks(limit),
            cancellationToken);
        return ok && found is not null
            ? found
            : throw new TimeoutException($"No bot message matched within {limit}. Messages so far:\n{string.Join('\n', Messages)}");
    }

    /// <summary>The bot messages (latest state) shown in a conversation, and with <paramref name="includeThreads"/> its post threads.</summary>
    public IReadOnlyList<BotMessage> MessagesIn(string conversationId, bool includeThreads = false) =>
        Messages.Where(m => m.ConversationId == conversationId
            || (includeThreads && m.ConversationId.StartsWith(conversationId + ";messageid=", StringComparison.Ordinal))).ToList();

    private bool IsSharedConversation(string conversationId)
    {
        var root = conversationId.Split(";messageid=", 2)[0];
        return root == Config.GroupChatId || root == Config.TeamId || Config.Channels.Any(c => c.Id == root);
    }

    private async Task<JsonNode?> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /{path} answered {(int)response.StatusCode}: {text}\nbody: {body.ToJsonString()}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private async Task<(JsonNode? Response, PlaygroundTurn Turn)> RunTurnAsync(
        string? conversationId,
        int expectedBotCalls,
        Func<CancellationToken, Task<JsonNode?>> action,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The playground has exited (code {process.ExitCode}).\n{DescribeOutput()}");
        }

        int eventStart, logStart;
        lock (gate)
        {
            eventStart = events.Count;
            logStart = logItems.Count;
        }

        var deadline = Stopwatch.GetTimestamp() + ToTicks(options.TurnTimeout);
        var response = await action(cancellationToken);
        var actionDone = Stopwatch.GetTimestamp();

        bool Answered() => logItems.Skip(logStart).Count(i => (i.Call is not null || i.Problem is not null) && Concerns(i, conversationId)) >= expectedBotCalls;
        if (!await WaitUntilAsync(Answered, deadline, cancellationToken))
        {
            throw new TimeoutException(
                $"The bot did not answer {expectedBotCalls} call(s) in {conversationId} within {options.TurnTimeout}. " +
                $"Seen so far: {Snapshot(eventStart, logStart)}\n{DescribeOutput()}");
        }

        // Then wait until the playground has been silent for the quiet period (bounded by the deadline).
        var quiet = ToTicks(options.QuietPeriod);
        await WaitUntilAsync(() => Stopwatch.GetTimestamp() - Math.Max(lastFrameTicks, actionDone) >= quiet, deadline, cancellationToken, pollOnly: true);
        lock (gate)
        {
            return (response, Snapshot(eventStart, logStart));
        }
    }

    private static bool Concerns(LogItem item, string? conversationId)
    {
        var itemConversation = item.Call?.ConversationId ?? item.Problem?.ConversationId;
        return conversationId is null
            || itemConversation is null
            || itemConversation == conversationId
            || itemConversation.StartsWith(conversationId + ";messageid=", StringComparison.Ordinal)
            || conversationId.StartsWith(itemConversation + ";messageid=", StringComparison.Ordinal);
    }

    private PlaygroundTurn Snapshot(int eventStart, int logStart)
    {
        lock (gate)
        {
            var turnEvents = events.Skip(eventStart).ToList();
            var touched = turnEvents.Where(e => e.Message is not null && messagesById.ContainsKey(e.Message.MessageId))
                .Select(e => e.Message!.MessageId).Distinct().Select(id => messagesById[id]).ToList();
            var items = logItems.Skip(logStart).ToList();
            return new PlaygroundTurn(
                turnEvents,
                touched,
                items.Where(i => i.Call is not null).Select(i => i.Call!).ToList(),
                items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList(),
                null,
                null);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> (checked under the lock) holds or the deadline passes.</summary>
    private async Task<bool> WaitUntilAsync(Func<bool> condition, long deadline, CancellationToken cancellationToken, bool pollOnly = false)
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (condition())
                {
                    return true;
                }

                next = changed.Task;
            }

            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return false;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"The playground exited (code {process.ExitCode}) during a turn.\n{DescribeOutput()}");
            }

            // Frames wake the wait; a short poll also notices time-based conditions and a dead process.
            var poll = TimeSpan.FromMilliseconds(pollOnly ? 25 : 100);
            var wait = TimeSpan.FromSeconds(Math.Min(remaining / (double)Stopwatch.Frequency, poll.TotalSeconds));
            await Task.WhenAny(next, Task.Delay(wait, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    // ------------------------------------------------------------------------------------------
    // Shutdown
    // ------------------------------------------------------------------------------------------
    private void KillProcess()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while being killed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync();
        foreach (var socket in sockets)
        {
            socket.Abort();
        }

        try
        {
            await Task.WhenAll(receiveLoops).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            Note("WebSocket readers did not stop within 5 s");
        }

        KillProcess();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            Note($"playground pid {process.Id} did not exit within 10 s of being killed");
        }
        catch (InvalidOperationException)
        {
            // The process was never started.
        }

        Running.TryRemove(this, out _);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        process.Dispose();
        http.Dispose();
        stopping.Dispose();
        if (!options.KeepWorkingDirectory)
        {
            try
            {
                Directory.Delete(WorkingDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
