using System.Text.RegularExpressions;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Runs one turn of a conversation: commands, the interview and its answers, approvals and release
/// channels. It reads documents through the store ports, changes those in <see cref="TurnWork"/>
/// and leaves views to send; it knows nothing of Teams, Slack or how documents are stored.
/// The flows live in the partial files beside this one.
/// </summary>
public sealed partial class PlanEngine(
    IConversationStore store,
    EngineOptions options,
    ITenantStore? tenants = null,
    IPeopleDirectory? people = null,
    IExportLinks? exports = null)
{
    public async Task HandleAsync(TurnWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            switch (work.Turn.Kind)
            {
                case TurnKind.Installed:
                    await RecordInstallationAsync(work, removed: false, cancellationToken);
                    work.Reply(HelpText.View(HelpText.Welcome + " Start with `plan <product> <version>`."));
                    break;
                case TurnKind.InstallationChanged:
                    await RecordInstallationAsync(work, removed: work.Turn.Text == "remove", cancellationToken);
                    break;
                case TurnKind.Action:
                    await HandleActionAsync(work, cancellationToken);
                    break;
                default:
                    await HandleMessageAsync(work, work.Turn.Text.Trim(), cancellationToken);
                    break;
            }
        }
        catch (PlanRuleException refused)
        {
            work.Replies.Clear();
            work.Posts.Clear();
            work.Reply(new NoticeView(refused.Message, Tone.Problem));
            AskAgainIfInterviewing(work);
        }
    }

    private async Task HandleMessageAsync(TurnWork work, string text, CancellationToken cancellationToken)
    {
        var command = CommandParser.Parse(text);
        switch (command?.Name)
        {
            case null:
                break;
            case "help":
                work.Reply(HelpText.View());
                return;
            case "plan":
                await StartOrResumeAsync(work, command.Arguments, cancellationToken);
                return;
            case "list":
                await ListAsync(work, cancellationToken);
                return;
            case "pending":
                await PendingAsync(work, cancellationToken);
                return;
            case "channel":
                await ChannelAsync(work, command.Arguments, cancellationToken);
                return;
            case "baseline":
                await BaselineAsync(work, command.Arguments, cancellationToken);
                return;
            case "fresh":
                await FreshAsync(work, cancellationToken);
                return;
            default:
                if (work.Active is null)
                {
                    work.Reply(NoPlanYet());
                    return;
                }

                await RunPlanCommandAsync(work, command, cancellationToken);
                return;
        }

        if (work.Active is null)
        {
            work.Reply(NoPlanYet(text.Length == 0 ? null : "I'm not working on a plan in this conversation yet."));
            return;
        }

        await AnswerAsync(work, text, cancellationToken);
    }

    private async Task RunPlanCommandAsync(TurnWork work, Command command, CancellationToken cancellationToken)
    {
        var plan = work.Active!.Document.Plan;
        switch (command.Name)
        {
            case "status":
                work.Reply(await SummaryAsync(work, plan, full: false, cancellationToken));
                break;
            case "show":
                work.Reply(await SummaryAsync(work, plan, full: true, cancellationToken));
                break;
            case "keep":
                Keep(work);
                break;
            case "remove":
                Remove(work);
                break;
            case "export":
                Export(work);
                break;
            case "history":
                work.Reply(History(plan));
                break;
            case "skip":
                Skip(work);
                break;
            case "back":
                Back(work);
                break;
            case "edit":
                Edit(work, command.Arguments);
                break;
            case "cancel":
                Cancel(work);
                break;
            case "quorum":
                SetQuorum(work, command.Arguments);
                break;
            case "submit":
                await SubmitAsync(work, cancellationToken);
                break;
            case "assign":
                await AssignAsync(work, command.Arguments, cancellationToken);
                break;
            case "approve":
                Decide(work, work.Active!, Verdict.Approve, null, plan.Revision, fromCard: false);
                break;
            case "reject":
                Decide(work, work.Active!, Verdict.Reject, command.Arguments, plan.Revision, fromCard: false);
                break;
        }
    }

    private void AskAgainIfInterviewing(TurnWork work)
    {
        if (work.Turn.Kind != TurnKind.Action
            && work.Active is { } active
            && work.Session.Cursor is { } cursor
            && Domain.Checklist.PlanChecklist.Find(cursor) is { } question)
        {
            work.Reply(Ask(work, active.Document.Plan, question));
        }
    }

    /// <summary>The summary with schedule warnings and, for a plan from a baseline, what changed against it.</summary>
    private async Task<PlanSummaryView> SummaryAsync(TurnWork work, Plan plan, bool full, CancellationToken cancellationToken)
    {
        var baseline = plan.BaselinePlanId is { } id
            ? (await store.GetPlanAsync(plan.TenantId, id, cancellationToken))?.Document.Plan
            : null;
        return PlanSummaries.Build(plan, full, work.Now, baseline);
    }

    /// <summary>
    /// Tells the plan's owner in their personal chat (a decision, a finished section), unless the owner
    /// is the one acting here and sees the turn's own replies.
    /// </summary>
    private static void TellOwner(TurnWork work, Plan plan, NoticeView notice)
    {
        if (plan.Owner.SameAs(work.From) || !plan.Owner.IsResolved)
        {
            return;
        }

        work.Post(notice, work.PersonalChat, DeliveryMode.Direct, recipient: plan.Owner);
    }

    private static HelpView NoPlanYet(string? why = null) =>
        HelpText.View($"{why ?? "Hi!"} Start a plan with `plan <product> <version>`, for example `plan Contoso.Web 2.4`.".Trim());

    private static bool Same(Plan plan, string product, string version) =>
        string.Equals(plan.Product, product, StringComparison.OrdinalIgnoreCase)
        && string.Equals(plan.Version, version, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[\p{L}\p{N}._\-]{1,64}$")]
    private static partial Regex ProductName();

    [GeneratedRegex(@"^[\p{L}\p{N}.\-+]{1,32}$")]
    private static partial Regex VersionName();
}
