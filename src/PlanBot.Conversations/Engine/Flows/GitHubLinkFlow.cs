using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Links from GitHub repository environments to products, so their deployments wait for the
/// product's approved plan: one tenant per repository (<see cref="GitHubRouting"/>). Release admins
/// only, read from the tenant's settings when the command runs.
/// </summary>
internal sealed partial class GitHubLinkFlow(ReleaseChannels channels, GitHubRouting github)
{
    private const string LinkUsage = "Type `link github <owner>/<repo> <environment> [<product>] [version ref|payload|payload.<key>]`, for example `link github contoso/web production`.";

    public async Task LinkAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var tokens = Tokens().Matches(arguments).Select(m => m.Value.Trim('"')).ToList();
        if (tokens.Count <= 1)
        {
            await ListLinksAsync(work, cancellationToken);
            return;
        }

        var tenantId = work.Turn.Conversation.TenantId;
        var tenant = await channels.GetAsync(tenantId, cancellationToken);
        if (Refusal(tenant, work) is { } refusal)
        {
            work.Reply(new NoticeView(refusal, Tone.Problem));
            return;
        }

        if (!ReadLink(tokens, out var repository, out var environment, out var product, out var versionFrom, out var problem))
        {
            work.Reply(new NoticeView($"{problem} {LinkUsage}", Tone.Problem));
            return;
        }

        product ??= ProductOfThisChannel(tenant!, work);
        if (product is null)
        {
            work.Reply(new NoticeView($"Name the product: this conversation is not the release channel of exactly one product. {LinkUsage}", Tone.Problem));
            return;
        }

        if (await github.ClaimAsync(repository, tenantId, cancellationToken) is { } taken)
        {
            work.Reply(new NoticeView(taken, Tone.Problem));
            return;
        }

        var link = new GitHubLink(repository, environment, product, versionFrom, work.From, work.Now);
        await channels.UpdateAsync(tenantId, settings =>
        {
            var links = settings.GitHubLinks ??= [];
            links.RemoveAll(l => GitHubRouting.Same(l.Repository, repository) && GitHubRouting.Same(l.Environment, environment));
            links.Add(link);
            return true;
        }, cancellationToken);

        var owner = repository[..repository.IndexOf('/', StringComparison.Ordinal)];
        var installed = await github.InstallationOnAsync(owner, cancellationToken);
        var install = installed is { Removed: false, Suspended: false }
            ? string.Empty
            : $" I have not seen the PlanBot GitHub App installed on {owner}: install it on {repository}, or deployments cannot ask me.";
        work.Reply(new NoticeView(
            $"Deployments of {repository} to the environment {environment} now wait for the approved plan of {product}; the version is read from {VersionSource(versionFrom)}. "
            + $"On GitHub, enable PlanBot as a deployment protection rule of {environment} (Settings → Environments → {environment}).{install}",
            Tone.Success));
    }

    public async Task UnlinkAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var tokens = Tokens().Matches(arguments).Select(m => m.Value.Trim('"')).ToList();
        var tenantId = work.Turn.Conversation.TenantId;
        if (tokens.Count != 3 || !Repository().IsMatch(tokens[1]))
        {
            work.Reply(new NoticeView("Type `unlink github <owner>/<repo> <environment>`; `link github` lists the links.", Tone.Problem));
            return;
        }

        var (repository, environment) = (tokens[1], tokens[2]);
        string? refusal = null;
        var removed = false;
        var othersLeft = true;
        await channels.UpdateAsync(tenantId, settings =>
        {
            refusal = Refusal(settings, work);
            removed = refusal is null && (settings.GitHubLinks?.RemoveAll(l => GitHubRouting.Same(l.Repository, repository) && GitHubRouting.Same(l.Environment, environment)) ?? 0) > 0;
            othersLeft = settings.GitHubLinks?.Exists(l => GitHubRouting.Same(l.Repository, repository)) ?? false;
            if (settings.GitHubLinks is { Count: 0 })
            {
                settings.GitHubLinks = null;
            }

            return removed;
        }, cancellationToken);

        if (refusal is not null)
        {
            work.Reply(new NoticeView(refusal, Tone.Problem));
            return;
        }

        if (!othersLeft)
        {
            await github.ReleaseAsync(repository, tenantId, cancellationToken);
        }

        work.Reply(removed
            ? new NoticeView($"Deployments of {repository} to {environment} no longer wait for plans here. Remove PlanBot from the environment's protection rules on GitHub too, or its deployments are refused.", Tone.Success)
            : new NoticeView($"{repository} {environment} was not linked. `link github` lists the links.", Tone.Info));
    }

    private async Task ListLinksAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var links = (await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken))?.GitHubLinks ?? [];
        var text = new StringBuilder(links.Count == 0 ? "No GitHub environments are linked yet." : "GitHub environments whose deployments wait for plans:");
        foreach (var link in links.OrderBy(l => l.Repository, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Environment, StringComparer.OrdinalIgnoreCase))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {link.Repository} → {link.Environment}: {link.Product}, version from {VersionSource(link.VersionFrom)} (linked by {link.LinkedBy} on {link.At:yyyy-MM-dd})");
        }

        text.Append("\n\n").Append(LinkUsage);
        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    private static string? ProductOfThisChannel(TenantDocument tenant, TurnWork work)
    {
        var here = work.Turn.Conversation.WithoutThread().ConversationId;
        var products = tenant.ReleaseChannels.Values.Where(c => !c.Stale && c.Channel.ConversationId == here).Select(c => c.Product).ToList();
        return products.Count == 1 ? products[0] : null;
    }

    private static bool ReadLink(List<string> tokens, out string repository, out string environment, out string? product, out string versionFrom, out string? problem)
    {
        (repository, environment, product, versionFrom, problem) = (string.Empty, string.Empty, null, GitHubLink.FromRef, null);
        if (!tokens[0].Equals("github", StringComparison.OrdinalIgnoreCase))
        {
            problem = "Only GitHub environments are linked this way; Azure Pipelines checks use a gate key (`gate key`).";
            return false;
        }

        if (tokens.Count < 3 || !Repository().IsMatch(tokens[1]) || tokens[2].Length is 0 or > 255)
        {
            problem = "Name the repository as owner/repo and then its environment.";
            return false;
        }

        (repository, environment) = (tokens[1], tokens[2]);
        var rest = tokens.Skip(3).ToList();
        var at = rest.FindIndex(t => t.Equals("version", StringComparison.OrdinalIgnoreCase));
        if (at >= 0)
        {
            if (at != rest.Count - 2 || !VersionFrom().IsMatch(rest[^1]))
            {
                problem = "After `version`, say where the version comes from: `ref` (a tag such as v2.4), `payload` (the deployment payload's version) or `payload.<key>`.";
                return false;
            }

            versionFrom = rest[^1].Equals(GitHubLink.FromPayload[..^1], StringComparison.OrdinalIgnoreCase) ? GitHubLink.FromPayload + GitHubLink.DefaultPayloadKey : rest[^1];
            rest = rest[..at];
        }

        if (rest.Count > 1 || (rest.Count == 1 && !ReleaseNames.IsProduct(rest[0])))
        {
            problem = "Name one product after the environment, or none in the product's release channel.";
            return false;
        }

        product = rest.Count == 1 ? rest[0] : null;
        return true;
    }

    private static string VersionSource(string versionFrom) =>
        GitHubLink.PayloadKey(versionFrom) is { } key ? $"the deployment payload's {key}" : "the deployment's ref (a tag such as v2.4)";

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex Repository();

    [GeneratedRegex(@"^(ref|payload(\.[A-Za-z0-9_\-]{1,64})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionFrom();

    private string? Refusal(TenantDocument? tenant, TurnWork work) => GateAdmins.Refusal(channels, tenant, work);
}
