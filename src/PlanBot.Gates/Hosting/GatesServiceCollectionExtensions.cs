using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.Ports;
using PlanBot.Gates.Azure;
using PlanBot.Gates.Delivery;
using PlanBot.Gates.GitHub;

namespace PlanBot.Gates.Hosting;

public static class GatesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the gates: the Azure Pipelines endpoint and its callback client, the GitHub App
    /// (when <c>GitHub</c> is configured: options validated at start-up, its webhook, tokens and
    /// client), the desk that records requests and the sender that tells deployments their outcome.
    /// Needs the conversation core registered by the host (store, ledger, reply channels, options).
    /// </summary>
    public static IServiceCollection AddGates(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GateOptions>().BindConfiguration(GateOptions.Section).ValidateOnStart()
            .Validate(o => o.ScanInterval >= TimeSpan.FromMilliseconds(100) && o.ScanInterval <= TimeSpan.FromHours(1), "Gates:ScanInterval must be between 100 milliseconds and 1 hour.")
            .Validate(o => o.RetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, "Gates:RetryDelay must be positive and Gates:MaxRetryDelay at least as long.")
            .Validate(o => o.MaxFailures is >= 1 and <= 1000, "Gates:MaxFailures must be between 1 and 1000.")
            .Validate(o => o.AzureDevOpsHosts.Count > 0 && o.AzureDevOpsHosts.All(h => !string.IsNullOrWhiteSpace(h) && !h.Contains('/', StringComparison.Ordinal)), "Gates:AzureDevOpsHosts must list host names, such as dev.azure.com.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<GateOptions>>().Value);
        services.AddSingleton<GateSignal>();
        services.AddSingleton<GateDesk>();
        services.AddSingleton<Events.DeploymentReports>();
        services.AddSingleton<GateWorker>();
        services.AddSingleton(sp => new GateKeyCheck(sp.GetService<ITenantStore>()));
        services.AddSingleton<IGateCallbacks, GateCallbacks>();
        services.AddHttpClient(TaskEventsClient.Client, http => http.Timeout = TimeSpan.FromSeconds(20)).RedactLoggedHeaders(_ => true);
        services.AddSingleton<AzureDevOpsHosts>();
        services.AddSingleton<TaskEventsClient>();
        services.AddHostedService<GateSenderService>();

        var github = configuration.GetSection(GitHubOptions.Section).Get<GitHubOptions>() ?? new GitHubOptions();
        if (!github.Enabled)
        {
            return services;
        }

        services.AddOptions<GitHubOptions>().BindConfiguration(GitHubOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>();
        services.AddSingleton(sp => new GitHubRouting(sp.GetService<ITenantStore>(), sp.GetRequiredService<Conversations.Engine.EngineOptions>()));
        services.AddSingleton(sp => new WebhookSignature(sp.GetRequiredService<IOptions<GitHubOptions>>().Value.WebhookSecret!));
        services.AddHttpClient(GitHubAppTokens.Client, GitHubApi).RedactLoggedHeaders(_ => true);
        services.AddSingleton<GitHubAppTokens>();
        services.AddSingleton<GitHubClient>();
        services.AddSingleton<GitHubWebhooks>();
        return services;
    }

    /// <summary>What GitHub asks of every REST call: a user agent, its media type and the API version.</summary>
    private static void GitHubApi(HttpClient http)
    {
        http.Timeout = TimeSpan.FromSeconds(20);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PlanBot", "1.0"));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2022-11-28");
    }
}
