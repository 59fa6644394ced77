using PlanBot.Conversations.Engine.Commands;
using PlanBot.Conversations.Engine.Flows;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Runs one turn of a conversation: it hands the turn to the flow it belongs to (a command from the
/// command table, an answer to the interview, a card action to the flow that made the card). The
/// flows read documents through the store ports, change those in <see cref="TurnWork"/> and leave
/// views to send; none knows anything of Teams, Slack or how documents are stored.
/// </summary>
public sealed class PlanEngine
{
    /// <summary>Longer documents go by link only: a chat message this size is already hard to read.</summary>
    public const int InlineExportLimit = 12_000;

    public static readonly TimeSpan ExportLinkLifetime = TimeSpan.FromMinutes(15);

    private readonly EngineFlows flows;

    public PlanEngine(IConversationStore store, EngineOptions options, ITenantStore? tenants = null, IPeopleDirectory? people = null, IExportLinks? exports = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        flows = new EngineFlows(store, options, tenants, people, exports);
    }

    /// <summary>Said to someone of another organisation who tries more than reading or answering what was assigned to them.</summary>
    public const string OutsiderRefusal =
        "You are here from another organisation: you can read plans (`status`, `show`) and answer a section assigned to you, nothing else. Nothing was changed.";

    public async Task HandleAsync(TurnWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (work.Turn.FromOutside && !OutsiderMay(work))
        {
            work.Reply(new NoticeView(OutsiderRefusal, Tone.Problem));
            work.InvokeResponse = work.Replies[^1];
            return;
        }

        try
        {
            switch (work.Turn.Kind)
            {
                case TurnKind.Installed:
                    await flows.ReleaseChannel.RecordInstallationAsync(work, removed: false, cancellationToken);
                    work.Reply(HelpText.View(HelpText.Welcome + " Start with `plan <product> <version>`."));
                    break;
                case TurnKind.AppInstalled:
                    await flows.ReleaseChannel.RecordInstallationAsync(work, removed: false, cancellationToken);
                    break;
                case TurnKind.Removed:
                    await flows.ReleaseChannel.RecordInstallationAsync(work, removed: true, cancellationToken);
                    break;
                case TurnKind.Action:
                    await ActAsync(work, work.Turn.Action, cancellationToken);
                    break;
                default:
                    await MessageAsync(work, work.Turn.Text.Trim(), cancellationToken);
                    break;
            }
        }
        catch (PlanRuleException refused)
        {
            work.Replies.Clear();
            work.Posts.Clear();
            var plan = work.Active?.Document.Plan;
            work.Reply(new NoticeView(plan is null ? refused.Message : PlanWording.Refusal(refused, plan), Tone.Problem));
            AskAgainIfInterviewing(work);
        }
    }

    private async Task MessageAsync(TurnWork work, string text, CancellationToken cancellationToken)
    {
        if (ChatCommands.Parse(text) is var (command, arguments))
        {
            if (command.NeedsPlan && work.Active is null)
            {
                work.Reply(Prompts.NoPlanYet());
                return;
            }

            await command.Run(flows, work, arguments, cancellationToken);
            return;
        }

        if (work.Active is null)
        {
            work.Reply(Prompts.NoPlanYet(text.Length == 0 ? null : "I'm not working on a plan in this conversation yet."));
            return;
        }

        await flows.Interview.AnswerAsync(work, text, cancellationToken);
    }

    private async Task ActAsync(TurnWork work, TurnAction? action, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case AnswerAction answer:
                await flows.QuestionCards.AnswerAsync(work, answer, cancellationToken);
                break;
            case SkipAction skip:
                await flows.QuestionCards.SkipAsync(work, skip, cancellationToken);
                break;
            case DecideAction decide:
                await flows.Approval.DecideOnCardAsync(work, decide, cancellationToken);
                break;
            case RefreshApprovalAction refresh:
                await flows.Approval.RefreshAsync(work, refresh, cancellationToken);
                break;
            case SaveSectionAction save:
                await flows.SectionForms.SaveAsync(work, save, cancellationToken);
                break;
            case KeepSectionAction keep:
                await flows.SectionForms.KeepSectionAsync(work, keep, cancellationToken);
                break;
            case KeepAnswerAction keep:
                await flows.SectionForms.KeepOrRemoveAnswerAsync(work, keep.PlanId, keep.QuestionId, keep: true, cancellationToken);
                break;
            case RemoveAnswerAction remove:
                await flows.SectionForms.KeepOrRemoveAnswerAsync(work, remove.PlanId, remove.QuestionId, keep: false, cancellationToken);
                break;
            case KeepUnflaggedAction keepAll:
                await flows.SectionForms.KeepUnflaggedAsync(work, keepAll, cancellationToken);
                break;
            case OpenSectionAction open:
                await flows.SectionForms.OpenAsync(work, open, cancellationToken);
                break;
            case SubmitPlanAction submit:
                await flows.SectionForms.SubmitAsync(work, submit, cancellationToken);
                break;
            case StepAction step:
                await flows.Deployment.StepAsync(work, step, cancellationToken);
                break;
            case CheckAction check:
                await flows.Deployment.CheckAsync(work, check, cancellationToken);
                break;
            case PipelineEventAction reported:
                await flows.Deployment.PipelineAsync(work, reported, cancellationToken);
                break;
            default:
                work.InvokeResponse = new NoticeView("That button is not something I can act on here. Type `help` to see what I can do.", Tone.Problem);
                work.Reply(work.InvokeResponse);
                break;
        }
    }

    /// <summary>
    /// What someone of another organisation in a shared channel may do: read (the commands open to
    /// them) and answer the section assigned to them, in the chat where they were asked.
    /// </summary>
    private static bool OutsiderMay(TurnWork work) => work.Turn.Kind switch
    {
        TurnKind.Message when ChatCommands.Parse(work.Turn.Text) is var (command, _) => command.OpenToOutsiders || (command.Name == "skip" && work.Session.AssignedOnly),
        TurnKind.Message => work.Session.AssignedOnly,
        TurnKind.Action => work.Turn.Action is AnswerAction or SkipAction or SaveSectionAction && work.Session.AssignedOnly,
        _ => false,
    };

    private static void AskAgainIfInterviewing(TurnWork work)
    {
        if (work.Turn.Kind != TurnKind.Action
            && work.Active is { } active
            && work.Session.Cursor is { } cursor
            && PlanChecklist.Find(cursor) is { } question)
        {
            work.Reply(Prompts.Ask(work, active.Document.Plan, question));
        }
    }
}
