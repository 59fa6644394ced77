using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PlanBot.Testing.Hosting;

/// <summary>
/// The real PlanBot host as its own process on a loopback port, over a SQLite file the test owns:
/// it can be killed and started again on the same port and file, like an operator would.
/// </summary>
public sealed class PlanBotProcess : IAsyncDisposable
{
    private readonly Process process;

    private PlanBotProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/api/messages");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<PlanBotProcess> StartAsync(int port, string databasePath, IDictionary<string, string>? settings = null)
    {
        var host = HostAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(host)!,
        };
        start.ArgumentList.Add(host);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Storage:Sqlite:Path={databasePath}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PlanBot host.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var running = new PlanBotProcess(process, port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The PlanBot host exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return running;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        await running.DisposeAsync();
        throw new TimeoutException("The PlanBot host did not answer /healthz within 60 seconds.");
    }

    /// <summary>Ends the process at once, as a crash or an operator's kill would.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The host's entry assembly, built beside this test assembly as a project reference.</summary>
    private static string HostAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "PlanBot.Host.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "PlanBot.Host.runtimeconfig.json")))
        {
            return beside;
        }

        throw new FileNotFoundException("PlanBot.Host.dll (with its runtimeconfig) was not found beside the tests.", beside);
    }
}
