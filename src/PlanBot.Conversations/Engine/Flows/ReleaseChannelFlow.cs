using System.Globalization;
using System.Text;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Release channels and installations. A release admin (by default whoever installed the bot in
/// the tenant) makes a team channel a product's release channel; submitted plans are posted there.
/// </summary>
internal sealed class ReleaseChannelFlow(ReleaseChannels channels)
{
    public async Task ChannelAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        if (!channels.Available)
        {
            work.Reply(new NoticeView("Release channels are not available on this channel.", Tone.Problem));
            return;
        }

        var tenantId = work.Turn.Conversation.TenantId;
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            var tenant = await channels.GetAsync(tenantId, cancellationToken);
            var list = tenant?.ReleaseChannels.Values.OrderBy(c => c.Product, StringComparer.OrdinalIgnoreCase).ToList() ?? [];
            var text = new StringBuilder(list.Count == 0 ? "No release channels are set yet." : "Release channels:");
            foreach (var channel in list)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {channel.Product}: set by {channel.SetBy} on {channel.At:yyyy-MM-dd}{(channel.Stale ? " (the bot was removed there)" : string.Empty)}");
            }

            text.Append("\n\nIn a team channel, `channel set <product>` makes it that product's release channel.");
            work.Reply(new NoticeView(text.ToString(), Tone.Info));
            return;
        }

        if (parts.Length != 2 || !ReleaseNames.IsProduct(parts[1]))
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
        var here = work.Turn.Conversation.WithoutThread();
        string? refusal = null;
        var bootstrapped = false;
        await channels.UpdateAsync(tenantId, tenant =>
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

    /// <summary>Remembers where the bot is installed (the first installer administers releases), or that it was removed.</summary>
    public async Task RecordInstallationAsync(TurnWork work, bool removed, CancellationToken cancellationToken)
    {
        var channel = work.Turn.Conversation.WithoutThread();
        await channels.UpdateAsync(channel.TenantId, tenant =>
        {
            tenant.Installations[channel.ConversationId] = new Installation(channel, work.From, work.Now, removed);
            if (!removed && tenant.ReleaseAdmins.Count == 0 && work.From.IsResolved)
            {
                tenant.ReleaseAdmins.Add(work.From);
            }

            if (removed)
            {
                // Stop posting where the bot no longer is: every release channel of that team goes stale.
                foreach (var (product, release) in tenant.ReleaseChannels.ToList())
                {
                    var sameTeam = channel.TeamId is not null && release.Channel.TeamId == channel.TeamId;
                    if (sameTeam || release.Channel.ConversationId == channel.ConversationId)
                    {
                        tenant.ReleaseChannels[product] = release with { Stale = true };
                    }
                }
            }

            return true;
        }, cancellationToken);
    }
}
