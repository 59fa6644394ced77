using PlanBot.Conversations.Gates;

namespace PlanBot.Gates.Azure;

/// <summary>
/// Where a check's callback may go. The job access token of a run goes only to the Azure DevOps
/// organisation the check named in <c>PlanUrl</c>, and only when that is one of the hosts
/// <see cref="GateOptions.AzureDevOpsHosts"/> lists (<c>dev.azure.com</c>, <c>*.visualstudio.com</c>,
/// or an Azure DevOps Server's own), over https: a gate key's holder cannot make PlanBot post anywhere
/// else. Plain http is allowed only to a loopback host listed by name, which only tests do.
/// </summary>
internal sealed class AzureDevOpsHosts(GateOptions options)
{
    public bool Allows(string planUrl)
    {
        if (!Uri.TryCreate(planUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        return secure && options.AzureDevOpsHosts.Any(host => Matches(uri.Host, host));
    }

    private static bool Matches(string host, string allowed) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length - 1
            : host.Equals(allowed, StringComparison.OrdinalIgnoreCase);
}
