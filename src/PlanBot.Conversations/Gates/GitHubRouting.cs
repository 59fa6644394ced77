using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Engine.Flows;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Gates;

/// <summary>A GitHub repository environment linked to a product of a tenant.</summary>
public sealed record GitHubRoute(string TenantId, GitHubLink Link);

/// <summary>
/// Which tenant a GitHub delivery belongs to. A webhook names a repository and an installation, not
/// a tenant, so the repositories linked with <c>link github</c> are kept in one directory document
/// (<see cref="GitHubDirectory"/>): a repository belongs to one tenant at a time, the first to link
/// it, and another tenant's <c>link github</c> of it is refused.
/// </summary>
public sealed class GitHubRouting(ITenantStore? tenants, EngineOptions options)
{
    private readonly ReleaseChannels settings = new(tenants, options);

    /// <summary>The tenant and link of a repository's environment, or null with what to do about it.</summary>
    public async Task<(GitHubRoute? Route, string? Problem)> FindAsync(string repository, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(environment);
        var directory = (await settings.GetAsync(GitHubDirectory.TenantId, cancellationToken))?.GitHub;
        if (directory is null || !directory.Repositories.TryGetValue(repository, out var tenantId))
        {
            return (null, $"{repository} is not linked to a product in PlanBot. In the product's release channel, a release admin types `link github {repository} {environment}`, then re-runs this deployment.");
        }

        var link = (await settings.GetAsync(tenantId, cancellationToken))?.GitHubLinks?.Find(l => Same(l.Repository, repository) && Same(l.Environment, environment));
        return link is null
            ? (null, $"The environment {environment} of {repository} is not linked to a product in PlanBot. In the product's release channel, a release admin types `link github {repository} {environment}`, then re-runs this deployment.")
            : (new GitHubRoute(tenantId, link), null);
    }

    /// <summary>Records an installation of the app (created, unsuspended) or its end (deleted, suspended).</summary>
    public Task InstallationAsync(GitHubInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return settings.UpdateAsync(GitHubDirectory.TenantId, document =>
        {
            var directory = document.GitHub ??= new GitHubDirectory();
            var key = installation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (directory.Installations.TryGetValue(key, out var known) && known == installation)
            {
                return false;
            }

            directory.Installations[key] = installation;
            return true;
        }, cancellationToken);
    }

    /// <summary>The installations seen of the app on <paramref name="account"/>, live ones first.</summary>
    internal async Task<GitHubInstallation?> InstallationOnAsync(string account, CancellationToken cancellationToken) =>
        (await settings.GetAsync(GitHubDirectory.TenantId, cancellationToken))?.GitHub?.Installations.Values
            .Where(i => Same(i.Account, account))
            .OrderBy(i => i.Removed || i.Suspended)
            .FirstOrDefault();

    /// <summary>Makes <paramref name="repository"/> the tenant's; null when it is, or why not.</summary>
    internal async Task<string?> ClaimAsync(string repository, string tenantId, CancellationToken cancellationToken)
    {
        string? refusal = null;
        await settings.UpdateAsync(GitHubDirectory.TenantId, document =>
        {
            refusal = null;
            var directory = document.GitHub ??= new GitHubDirectory();
            if (directory.Repositories.TryGetValue(repository, out var owner))
            {
                refusal = owner == tenantId ? null : $"{repository} is linked to PlanBot elsewhere (another Teams tenant or Slack workspace served by this PlanBot); unlink it there first.";
                return false;
            }

            directory.Repositories[repository] = tenantId;
            return true;
        }, cancellationToken);
        return refusal;
    }

    /// <summary>Gives <paramref name="repository"/> up, when the tenant has no environment of it linked any more.</summary>
    internal Task ReleaseAsync(string repository, string tenantId, CancellationToken cancellationToken) =>
        settings.UpdateAsync(GitHubDirectory.TenantId, document =>
            document.GitHub is { } directory
            && directory.Repositories.TryGetValue(repository, out var owner)
            && owner == tenantId
            && directory.Repositories.Remove(repository), cancellationToken);

    internal static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
