using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanBot.Bench;

/// <summary>
/// A process the benchmark starts and stops (the host, the local Cosmos server): its output is
/// drained line by line so it never blocks on a full pipe, and its memory and CPU are read from /proc.
/// </summary>
internal sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<string> ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Regex readyLine;
    private readonly Action<string>? onStderr;
    private readonly StreamWriter? log;
    private readonly Lock logLock = new();
    private readonly List<string> lastLines = [];
    private long lines;

    private ChildProcess(Process process, Regex readyLine, Action<string>? onStderr, StreamWriter? log)
    {
        this.process = process;
        this.readyLine = readyLine;
        this.onStderr = onStderr;
        this.log = log;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Lines the process has written so far, stdout and stderr.</summary>
    public long Lines => Interlocked.Read(ref lines);

    /// <summary>Starts <paramref name="file"/> and waits for a line of its stdout matching <paramref name="readyLine"/>; returns the match's first group.</summary>
    public static async Task<(ChildProcess Process, string Ready)> StartAsync(
        string file,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Regex readyLine,
        TimeSpan timeout,
        string? logPath = null,
        Action<string>? onStderr = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var log = logPath is null ? null : new StreamWriter(logPath) { AutoFlush = false };
        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, readyLine, onStderr, log);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(child.ready.Task, exited, Task.Delay(timeout));
        if (first != child.ready.Task)
        {
            var why = first == exited ? $"exited with code {process.ExitCode}" : $"was not ready within {timeout.TotalSeconds:0} s";
            var tail = child.Tail();
            await child.DisposeAsync();
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} {why}. Its last output:\n{tail}");
        }

        return (child, await child.ready.Task);
    }

    /// <summary>The peak resident set (VmHWM) and the current one (VmRSS), in bytes.</summary>
    public (long Peak, long Current) Memory()
    {
        long peak = 0, current = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    current = Kilobytes(line) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // Gone meanwhile.
        }

        return (peak, current);
    }

    /// <summary>CPU time the process has used so far (user + system), from /proc/{pid}/stat.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            // The command name is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        try
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (term is not null)
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(grace);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public string Tail()
    {
        lock (logLock)
        {
            return string.Join('\n', lastLines);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        lock (logLock)
        {
            log?.Dispose();
        }

        process.Dispose();
    }

    private void OnLine(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref lines);
        if (isError && onStderr is not null)
        {
            onStderr(line);
            // The local Cosmos server writes one stderr line per request: counted, not kept.
            return;
        }

        if (!ready.Task.IsCompleted && readyLine.Match(line) is { Success: true } match)
        {
            ready.TrySetResult(match.Groups[1].Value);
        }

        lock (logLock)
        {
            log?.WriteLine(line);
            lastLines.Add(line);
            if (lastLines.Count > 40)
            {
                lastLines.RemoveAt(0);
            }
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(DigitsRegex().Match(line).Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("[0-9]+")]
    private static partial Regex DigitsRegex();
}
