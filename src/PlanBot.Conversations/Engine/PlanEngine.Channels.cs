using System.Globalization;
using System.Text;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Release channels and installations. A release admin (by default whoever installed the bot in
/// the tenant) makes a team channel a product's release channel; submitted plans are posted there.
/// </summary>
public sealed partial class PlanEngine
{
    private async Task ChannelAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        if (tenants is null)
        {
            work.Reply(new NoticeView("Release channels are not available on this channel.", Tone.Problem));
            return;
        }

        var tenantId = work.Turn.Conversation.TenantId;
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            var tenant = (await tenants.GetTenantAsync(tenantId, cancellationToken))?.Document;
            var channels = tenant?.ReleaseChannels.Values.OrderBy(c => c.Product, StringComparer.OrdinalIgnoreCase).ToList() ?? [];
            var text = new StringBuilder(channels.Count == 0 ? "No release channels are set yet." : "Release channels:");
            foreach (var channel in channels)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {channel.Product}: set by {channel.SetBy} on {channel.At:yyyy-MM-dd}{(channel.Stale ? " (the bot was removed there)" : string.Empty)}");
            }

            text.Append("\n\nIn a team channel, `channel set <product>` makes it that product's release channel.");
            work.Reply(new NoticeView(text.ToString(), Tone.Info));
            return;
        }

        if (parts.Length != 2 || !ProductName().IsMatch(parts[1]))
        {
            work.Reply(new NoticeView("Name the product: `channel set <product>`, for example `channel set Contoso.Web`.", Tone.Problem));
            return;
        }

        if (work.Turn.Conversation.Kind != ConversationKind.Channel)
        {
            work.Reply(new NoticeView("Run `channel set <product>` in the team channel that should receive the product's plans (@mention me there).", Tone.Problem));
            return;
        }

        var product = parts[1];
        var here = work.Turn.Conversation with { ConversationId = ChannelOf(work.Turn.Conversation.ConversationId) };
        string? refusal = null;
        var bootstrapped = false;
        await UpdateTenantAsync(tenantId, tenant =>
        {
            refusal = null;
            bootstrapped = false;
            if (tenant.ReleaseAdmins.Count == 0)
            {
                // Nobody was recorded installing the bot: the first to configure a channel administers releases.
                tenant.ReleaseAdmins.Add(work.From);
                bootstrapped = true;
            }
            else if (!tenant.IsAdmin(work.From))
            {
                refusal = $"Only a release admin may set release channels: {string.Join(", ", tenant.ReleaseAdmins)}.";
                return false;
            }

            tenant.ReleaseChannels[product] = new ReleaseChannel(product, here, work.From, work.Now);
            return true;
        }, cancellationToken);

        if (refusal is not null)
        {
            work.Reply(new NoticeView(refusal, Tone.Problem));
            return;
        }

        var admin = bootstrapped ? " You are now this tenant's release admin." : string.Empty;
        work.Reply(new NoticeView($"This channel is now the release channel for {product}: plans submitted for {product} are posted here for approval.{admin}", Tone.Success));
    }

    private async Task RecordInstallationAsync(TurnWork work, bool removed, CancellationToken cancellationToken)
    {
        if (tenants is null)
        {
            return;
        }

        var conversation = work.Turn.Conversation;
        var channelId = ChannelOf(conversation.ConversationId);
        await UpdateTenantAsync(conversation.TenantId, tenant =>
        {
            tenant.Installations[channelId] = new Installation(conversation with { ConversationId = channelId }, work.From, work.Now, removed);
            if (!removed && tenant.ReleaseAdmins.Count == 0 && work.From.IsResolved)
            {
                tenant.ReleaseAdmins.Add(work.From);
            }

            if (removed)
            {
                // Stop posting where the bot no longer is: every release channel of that team goes stale.
                foreach (var (product, channel) in tenant.ReleaseChannels.ToList())
                {
                    var sameTeam = conversation.TeamId is not null && channel.Channel.TeamId == conversation.TeamId;
                    if (sameTeam || channel.Channel.ConversationId == channelId)
                    {
                        tenant.ReleaseChannels[product] = channel with { Stale = true };
                    }
                }
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>How a product gets its release channel, where approval requests are posted.</summary>
    private static string HowToSetReleaseChannel(string product) =>
        $"In the team channel where {product} releases are discussed, a release admin types `channel set {product}`, mentioning me.";

    /// <summary>
    /// Said when a plan starts for a product without a release channel, so it is set long before
    /// <c>submit</c> needs it; null when there is one (or channels are not kept here).
    /// </summary>
    private async Task<string?> MissingReleaseChannelAsync(string tenantId, string product, CancellationToken cancellationToken)
    {
        if (tenants is null || await ReleaseChannelAsync(tenantId, product, cancellationToken) is not null)
        {
            return null;
        }

        return $"No release channel is set for {product} yet, and the approval request goes there. {HowToSetReleaseChannel(product)}";
    }

    private async Task<ReleaseChannel?> ReleaseChannelAsync(string tenantId, string product, CancellationToken cancellationToken)
    {
        if (tenants is null)
        {
            return null;
        }

        var tenant = await tenants.GetTenantAsync(tenantId, cancellationToken);
        return tenant?.Document.ReleaseChannels.TryGetValue(product, out var channel) == true && !channel.Stale ? channel : null;
    }

    /// <summary>Applies an idempotent change to the tenant's settings, re-reading and re-applying on a lost race.</summary>
    private async Task UpdateTenantAsync(string tenantId, Func<TenantDocument, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await tenants!.GetTenantAsync(tenantId, cancellationToken)
                ?? new Versioned<TenantDocument>(new TenantDocument { TenantId = tenantId }, null);
            if (!change(stored.Document))
            {
                return;
            }

            try
            {
                await tenants.SaveTenantAsync(stored, cancellationToken);
                return;
            }
            catch (ConcurrencyException) when (attempt < options.MaxCommitAttempts)
            {
                // Someone else changed the settings meanwhile: apply the change to their version.
            }
        }
    }

    /// <summary>A Teams channel thread's conversation id is the channel's id plus ";messageid=…".</summary>
    private static string ChannelOf(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.Ordinal);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
