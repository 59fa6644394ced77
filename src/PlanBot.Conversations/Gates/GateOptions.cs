namespace PlanBot.Conversations.Gates;

/// <summary>The section <c>Gates</c>: how deployments waiting on plans are told their outcome.</summary>
public sealed class GateOptions
{
    public const string Section = "Gates";

    /// <summary>How often each host looks for outcomes and messages owed; a gate request answered here is sent at once.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt to report; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed attempts after which PlanBot stops trying and says so in the plan's thread.</summary>
    public int MaxFailures { get; set; } = 30;

    /// <summary>
    /// The Azure DevOps hosts a check's callback may go to, with the run's access token: Azure DevOps
    /// Services always; hosts configured are added to them (an Azure DevOps Server's host name). <c>*.</c> matches subdomains.
    /// </summary>
    public IList<string> AzureDevOpsHosts { get; set; } = ["dev.azure.com", "*.visualstudio.com"];
}
