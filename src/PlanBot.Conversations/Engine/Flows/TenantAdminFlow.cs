using System.Text;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Who administers releases, and the tenant's rules: release admins add and remove each other and
/// set whose approvals count and who may work on a product's plans; a plan's owner (or a release
/// admin) hands a plan over.
/// </summary>
internal sealed class TenantAdminFlow(ReleaseChannels channels, PeopleLookup people)
{
    private const string OnlyAdmins = "Only a release admin may change that";

    public async Task AdminsAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var tenant = await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken);
        var admins = tenant?.ReleaseAdmins ?? [];
        work.Reply(new NoticeView(admins.Count == 0
            ? "Nobody administers releases here yet: the first person to install me, or to set a release channel, does."
            : $"Release admins: {string.Join(", ", admins)}. A release admin adds or removes one with `admin add @person` or `admin remove @person`.", Tone.Info));
    }

    public async Task AdminAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        var adding = parts.Length == 2 && parts[0].Equals("add", StringComparison.OrdinalIgnoreCase);
        if (parts.Length != 2 || (!adding && !parts[0].Equals("remove", StringComparison.OrdinalIgnoreCase)))
        {
            work.Reply(new NoticeView("Type `admin add @person` or `admin remove @person`; `admins` lists the release admins.", Tone.Problem));
            return;
        }

        var (person, problem) = await people.OneAsync(work, parts[1], "Name one person at a time.", $"admin {parts[0].ToLowerInvariant()} @name", cancellationToken);
        if (person is null)
        {
            work.Reply(new NoticeView(problem!, Tone.Problem));
            return;
        }

        string? refusal = null;
        await channels.UpdateAsync(work.Turn.Conversation.TenantId, tenant =>
        {
            refusal = AdminRefusal(tenant, work.From, person, adding);
            if (refusal is not null)
            {
                return false;
            }

            tenant.ReleaseAdmins.RemoveAll(a => a.SameAs(person));
            if (adding)
            {
                tenant.ReleaseAdmins.Add(person);
            }

            return true;
        }, cancellationToken);

        work.Reply(refusal is not null
            ? new NoticeView(refusal, Tone.Problem)
            : new NoticeView(adding ? $"{person} is now a release admin." : $"{person} is no longer a release admin.", Tone.Success));
    }

    public async Task SettingsAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var tenantId = work.Turn.Conversation.TenantId;
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            var current = await channels.GetAsync(tenantId, cancellationToken) ?? new TenantDocument { TenantId = tenantId };
            work.Reply(new NoticeView(Describe(current), Tone.Info));
            return;
        }

        if (parts.Length != 2 || Setting(parts[0], parts[1]) is not { } change)
        {
            work.Reply(new NoticeView($"I don't know that setting. {Usage}", Tone.Problem));
            return;
        }

        string? refusal = null;
        TenantDocument? changed = null;
        await channels.UpdateAsync(tenantId, tenant =>
        {
            refusal = tenant.IsAdmin(work.From) ? null : $"{OnlyAdmins}: {AdminList(tenant)}.";
            if (refusal is null)
            {
                change(tenant);
                changed = tenant;
            }

            return refusal is null;
        }, cancellationToken);

        work.Reply(refusal is not null ? new NoticeView(refusal, Tone.Problem) : new NoticeView($"Saved. {Describe(changed!)}", Tone.Success));
    }

    /// <summary><c>owner @person</c>: the plan's owner, or a release admin, hands the plan to someone else, who is told.</summary>
    public async Task HandOverAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
    {
        var active = work.Active!;
        var (person, problem) = await people.OneAsync(work, arguments, "A plan has one owner: name one person.", "owner @name", cancellationToken);
        if (person is null)
        {
            work.Reply(new NoticeView(problem!, Tone.Problem));
            return;
        }

        var tenant = await channels.GetAsync(work.Turn.Conversation.TenantId, cancellationToken);
        var before = active.Document.Plan;
        var plan = before.HandOver(person, work.From, tenant?.IsAdmin(work.From) == true, work.Now);
        if (ReferenceEquals(plan, before))
        {
            work.Reply(new NoticeView($"{person} already owns the plan for {plan.Title}.", Tone.Info));
            return;
        }

        active.Document.Plan = plan;
        work.Touch(active);
        work.Reply(new NoticeView($"{person} now owns the plan for {plan.Title}.", Tone.Success));
        work.Post(
            new NoticeView($"{work.From} handed the deployment plan for {plan.Title} over to you: you own it now. `plan {plan.Product} {plan.Version}` opens it here.", Tone.Info),
            work.PersonalChat,
            DeliveryMode.Direct,
            recipient: person);
    }

    private const string Usage =
        "`settings owner-approval allow|forbid` (may an owner approve their own plan), `settings contributor-approval allow|forbid` (may people who answered part of a plan approve it), `settings members-only on|off` (are a product's plans for its release channel's members only), `settings backout required|optional` (may a plan be submitted without a backout plan).";

    private static Action<TenantDocument>? Setting(string name, string value) => (name.ToLowerInvariant(), value.ToLowerInvariant()) switch
    {
        ("owner-approval", "allow" or "forbid") => t => t.ApprovalPolicy = t.Policy with { OwnerMayApprove = value.Equals("allow", StringComparison.OrdinalIgnoreCase) },
        ("contributor-approval", "allow" or "forbid") => t => t.ApprovalPolicy = t.Policy with { ContributorsMayApprove = value.Equals("allow", StringComparison.OrdinalIgnoreCase) },
        ("members-only", "on" or "off") => t => t.ReleaseChannelMembersOnly = value.Equals("on", StringComparison.OrdinalIgnoreCase),
        ("backout", "required" or "optional") => t => t.BackoutOptional = value.Equals("optional", StringComparison.OrdinalIgnoreCase),
        _ => null,
    };

    private static string Describe(TenantDocument tenant)
    {
        var policy = tenant.Policy;
        return new StringBuilder("Settings of this tenant:")
            .Append("\n- owner-approval: ").Append(policy.OwnerMayApprove ? "allow (an owner's approval of their own plan counts)" : "forbid (an owner's approval of their own plan does not count)")
            .Append("\n- contributor-approval: ").Append(policy.ContributorsMayApprove ? "allow (people who answered part of a plan may approve it)" : "forbid (people who answered part of a plan may not approve it)")
            .Append("\n- members-only: ").Append(tenant.ReleaseChannelMembersOnly ? "on (a product's plans are for its release channel's members)" : "off (anyone in the tenant may work on a plan)")
            .Append("\n- backout: ").Append(tenant.BackoutOptional ? "optional (a plan may be submitted without a backout plan)" : "required (a plan is submitted with its backout plan, section 9)")
            .Append("\n\nRelease admins change them: ").Append(Usage)
            .ToString();
    }

    private static string? AdminRefusal(TenantDocument tenant, PersonRef by, PersonRef person, bool adding)
    {
        if (tenant.ReleaseAdmins.Count > 0 && !tenant.IsAdmin(by))
        {
            return $"{OnlyAdmins}: {AdminList(tenant)}.";
        }

        if (!adding && !tenant.IsAdmin(person))
        {
            return $"{person} is not a release admin.";
        }

        return !adding && tenant.ReleaseAdmins.All(a => a.SameAs(person))
            ? $"{person} is the last release admin: add another one first (`admin add @person`)."
            : null;
    }

    private static string AdminList(TenantDocument tenant) => string.Join(", ", tenant.ReleaseAdmins);
}
