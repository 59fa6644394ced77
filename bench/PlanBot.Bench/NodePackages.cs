using System.Diagnostics;

namespace PlanBot.Bench;

/// <summary>The npm packages of a Node.js program in the repository (the local Cosmos server, the peer bot), installed from its lockfile.</summary>
internal static class NodePackages
{
    /// <summary>Runs <c>npm ci</c> in <paramref name="folder"/> when it has no <c>node_modules</c> yet.</summary>
    public static async Task EnsureInstalledAsync(string folder)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            return;
        }

        Console.WriteLine($"installing the packages of {folder} (npm ci)…");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = folder, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run npm.");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} failed (exit code {npm.ExitCode}).");
        }
    }
}
