using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.State;

/// <summary>
/// A GitHub repository's environment whose deployments wait for the plans of <see cref="Product"/>:
/// the version is read from the deployment as <see cref="VersionFrom"/> says (<c>ref</c>, or
/// <c>payload.&lt;key&gt;</c>).
/// </summary>
public sealed record GitHubLink(string Repository, string Environment, string Product, string VersionFrom, PersonRef LinkedBy, DateTimeOffset At)
{
    /// <summary><see cref="VersionFrom"/> when the version is the deployment's ref (a tag such as <c>v2.4</c>): the default.</summary>
    public const string FromRef = "ref";

    /// <summary>What starts <see cref="VersionFrom"/> when the version is a key of the deployment's payload.</summary>
    public const string FromPayload = "payload.";

    /// <summary>The payload key a link made with <c>version payload</c> reads.</summary>
    public const string DefaultPayloadKey = "version";

    /// <summary>True when <paramref name="versionFrom"/> reads the ref.</summary>
    public static bool ReadsRef(string versionFrom) => string.Equals(versionFrom, FromRef, StringComparison.OrdinalIgnoreCase);

    /// <summary>The payload key <paramref name="versionFrom"/> reads, or null when it reads the ref.</summary>
    public static string? PayloadKey(string versionFrom) =>
        versionFrom is not null && versionFrom.StartsWith(FromPayload, StringComparison.OrdinalIgnoreCase) ? versionFrom[FromPayload.Length..] : null;
}

/// <summary>
/// Where GitHub's deliveries go: each linked repository's tenant, and the installations of the
/// PlanBot GitHub App seen. Kept in the tenant store under <see cref="TenantId"/>, which no channel's
/// tenant id can be, because a webhook names a repository and not a tenant.
/// </summary>
public sealed class GitHubDirectory
{
    private Dictionary<string, string> repositories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tenant id the directory is stored under.</summary>
    public const string TenantId = "github";

    /// <summary>The tenant of each linked repository, by <c>owner/repo</c> (compared case-insensitively, as GitHub does).</summary>
    public Dictionary<string, string> Repositories
    {
        get => repositories;
        set => repositories = ReferenceEquals(value.Comparer, StringComparer.OrdinalIgnoreCase) ? value : new(value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Installations of the app, by installation id.</summary>
    public Dictionary<string, GitHubInstallation> Installations { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>An installation of the PlanBot GitHub App on an account (an organisation or a user).</summary>
public sealed record GitHubInstallation(long Id, string Account, DateTimeOffset At, bool Removed = false, bool Suspended = false);
