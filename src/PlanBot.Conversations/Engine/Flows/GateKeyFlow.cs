using System.Globalization;
using System.Text;
using PlanBot.Conversations.Gates;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Gate keys, which Azure Pipelines checks ask about the tenant's plans with: a new key goes to its
/// maker in a personal chat, once, and only its hash is kept; two live at once for rotation. Release
/// admins only, read from the tenant's settings when the command runs.
/// </summary>
internal sealed class GateKeyFlow(ReleaseChannels channels)
{
    private const string KeyUsage = "`gate key` makes a key (sent to you in a personal chat), `gate keys` lists them, `gate key revoke <id>` revokes one.";

    public async Task GateAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case [var key] when key.Equals("key", StringComparison.OrdinalIgnoreCase):
                await MakeKeyAsync(work, cancellationToken);
                break;
            case [_, var revoke, var id] when revoke.Equals("revoke", StringComparison.OrdinalIgnoreCase):
                await RevokeKeyAsync(work, id, cancellationToken);
                break;
            default:
                await ListKeysAsync(work, cancellationToken);
                break;
        }
    }

    private async Task MakeKeyAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var tenantId = work.Turn.Conversation.TenantId;
        string? refusal = null;
        (GateKey Stored, string Key)? made = null;
        await channels.UpdateAsync(tenantId, tenant =>
        {
            made = null;
            refusal = Refusal(tenant, work);
            if (refusal is not null)
            {
                return false;
            }

            var keys = tenant.GateKeys ??= [];
            // This message run again after a lost write race replaces the key it made: that one was never shown.
            keys.RemoveAll(k => k.Activity == work.Turn.ActivityId);
            if (keys.Count >= GateKeys.MaxLive)
            {
                refusal = $"This tenant has {keys.Count} gate keys already ({string.Join(", ", keys.Select(Describe))}). "
                    + "To rotate: revoke the one no pipeline uses any more with `gate key revoke <id>`, then make a new one.";
                return false;
            }

            made = GateKeys.Create(tenantId, work.From, work.Now, work.Turn.ActivityId);
            keys.Add(made.Value.Stored);
            return true;
        }, cancellationToken);

        if (made is not { } key)
        {
            work.Reply(new NoticeView(refusal ?? "Gate keys are not available on this channel.", Tone.Problem));
            return;
        }

        var id = key.Stored.Id;
        work.Reply(new NoticeView(
            $"Made the gate key {id}. I'm sending it to you in a personal chat: it is shown there once, and I keep only its hash. If it does not arrive, revoke it with `gate key revoke {id}` and make another.",
            Tone.Success));
        work.PostUnstored(
            new NoticeView(
                $"Your PlanBot gate key {id}, for Azure Pipelines checks of this tenant's plans:\n\n`{key.Key}`\n\n"
                + "Put it in the Azure DevOps service connection the check uses (as its password), not in a pipeline file. It is not shown again; `gate key revoke " + id + "` revokes it.",
                Tone.Info),
            work.From);
    }

    private async Task RevokeKeyAsync(TurnWork work, string id, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var revoked = false;
        await channels.UpdateAsync(work.Turn.Conversation.TenantId, tenant =>
        {
            refusal = Refusal(tenant, work);
            revoked = refusal is null && (tenant.GateKeys?.RemoveAll(k => k.Id.Equals(id, StringComparison.OrdinalIgnoreCase)) ?? 0) > 0;
            return revoked;
        }, cancellationToken);

        work.Reply(refusal is not null ? new NoticeView(refusal, Tone.Problem)
            : revoked ? new NoticeView($"Revoked the gate key {id}: checks using it are refused from now on.", Tone.Success)
            : new NoticeView($"There is no gate key {id}. {KeyUsage}", Tone.Problem));
    }

    private async Task ListKeysAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var tenant = await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken);
        if (Refusal(tenant, work) is { } refusal)
        {
            work.Reply(new NoticeView(refusal, Tone.Problem));
            return;
        }

        var keys = tenant!.GateKeys ?? [];
        var text = new StringBuilder(keys.Count == 0 ? "No gate keys yet." : "Gate keys:");
        foreach (var key in keys)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {Describe(key)}");
        }

        text.Append("\n\n").Append(KeyUsage);
        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    private static string Describe(GateKey key) => $"{key.Id}, made by {key.CreatedBy} on {key.CreatedAt:yyyy-MM-dd}";

    private string? Refusal(TenantDocument? tenant, TurnWork work) => GateAdmins.Refusal(channels, tenant, work);
}
