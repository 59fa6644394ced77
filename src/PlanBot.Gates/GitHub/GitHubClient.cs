using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Gates.GitHub;

/// <summary>
/// Answers a deployment protection rule, as GitHub documents it ("Creating custom deployment
/// protection rules", REST "Review custom deployment protection rules for a workflow run"): POST to
/// the delivery's <c>deployment_callback_url</c>
/// (<c>/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule</c>) with an
/// installation token and <c>{"environment_name":…,"state":"approved|rejected","comment":…}</c>.
/// Only URLs of that shape on the configured API are called, so no token goes anywhere else.
/// </summary>
internal sealed partial class GitHubClient(IHttpClientFactory clients, GitHubAppTokens tokens, IOptions<GitHubOptions> options, ILogger<GitHubClient> logger)
{
    /// <summary>GitHub keeps a review's comment to 1,024 characters.</summary>
    public const int MaxComment = 1024;

    public async Task<GateReportResult> ReviewAsync(GitHubDeploymentCallback deployment, string environment, bool approved, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        if (!IsCallbackUrl(deployment.CallbackUrl))
        {
            return new GateReportResult(GateReport.Gone, "the delivery's callback URL is not one of GitHub's.");
        }

        var body = new DeploymentReview(environment, approved ? "approved" : "rejected", comment.Length <= MaxComment ? comment : comment[..(MaxComment - 1)] + "…");
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (token, status) = await tokens.GetAsync(deployment.InstallationId, cancellationToken);
            if (token is null)
            {
                return status is 404 or 403 or 401
                    ? new GateReportResult(GateReport.Gone, $"GitHub gave no token for the app's installation {deployment.InstallationId} (HTTP {status}): the app was uninstalled, suspended, or its key replaced.")
                    : new GateReportResult(GateReport.TryAgain, $"GitHub gave no installation token (HTTP {status}).");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, deployment.CallbackUrl)
            {
                Content = JsonContent.Create(body, GatesJsonContext.Default.DeploymentReview),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await clients.CreateClient(GitHubAppTokens.Client).SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new GateReportResult(GateReport.Told);
            }

            logger.GitHubReviewRefused(deployment.Repository, RunOf(deployment.CallbackUrl), (int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // The token was revoked or expired early: buy a fresh one and try once more.
                tokens.Forget(deployment.InstallationId);
                continue;
            }

            return Result(response);
        }

        return new GateReportResult(GateReport.TryAgain, "GitHub refused the installation token twice.");
    }

    /// <summary>The workflow run a callback URL names.</summary>
    public static string? RunOf(string callbackUrl) => Callback().Match(callbackUrl) is { Success: true } match ? match.Groups["run"].Value : null;

    public bool IsCallbackUrl(string url)
    {
        var api = GitHubAppTokens.ApiBase(options.Value);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme == api.Scheme
            && string.Equals(uri.Authority, api.Authority, StringComparison.OrdinalIgnoreCase)
            && uri.AbsolutePath.StartsWith(api.AbsolutePath, StringComparison.Ordinal)
            && string.IsNullOrEmpty(uri.Query)
            && Callback().IsMatch(uri.AbsolutePath);
    }

    private static GateReportResult Result(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var limited = response.Headers.RetryAfter is not null
            || (response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.FirstOrDefault() == "0");
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => new GateReportResult(GateReport.TryAgain, $"GitHub answered HTTP {status}."),
            HttpStatusCode.Forbidden when limited => new GateReportResult(GateReport.TryAgain, "GitHub's rate limit was reached."),
            HttpStatusCode.UnprocessableEntity => new GateReportResult(GateReport.Gone, "GitHub no longer waits for it (HTTP 422: decided on GitHub, or the run ended)."),
            HttpStatusCode.NotFound => new GateReportResult(GateReport.Gone, "GitHub knows no such run, or the app lost access to the repository (HTTP 404)."),
            HttpStatusCode.Forbidden => new GateReportResult(GateReport.Gone, "GitHub refused the app (HTTP 403): it needs the Deployments read and write permission."),
            _ when status >= 500 => new GateReportResult(GateReport.TryAgain, $"GitHub answered HTTP {status}."),
            _ => new GateReportResult(GateReport.Gone, $"GitHub refused the review (HTTP {status})."),
        };
    }

    [GeneratedRegex(@"/repos/[^/]+/[^/]+/actions/runs/(?<run>\d+)/deployment_protection_rule$")]
    private static partial Regex Callback();
}
