using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Conversations.Engine.Flows;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Deployment;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Commands;

/// <summary>
/// Every chat command, in the order help lists them. Parsing, <c>help</c> and dispatch all come from
/// this table. A message is a command only when its first word names one and the rest fits, so an
/// answer that merely starts with "show" or "plan" is still read as an answer.
/// </summary>
internal static partial class ChatCommands
{
    public static IReadOnlyList<ChatCommand> All { get; } =
    [
        new("plan", "plan <product> <version>", "Start the deployment plan for a release, or resume it. Example: plan Contoso.Web 2.4", CommandUsers.Anyone, NeedsPlan: false,
            a => a.Length == 0 || Release().IsMatch(a), (f, w, a, ct) => f.Start.StartOrResumeAsync(w, a, ct)),
        new("status", "status", "What is answered, what is missing, and how complete the plan is.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (f, w, _, ct) => f.Overview.SummaryAsync(w, full: false, ct), OpenToOutsiders: true),
        new("show", "show", "The whole plan, section by section, with who answered what.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (f, w, _, ct) => f.Overview.SummaryAsync(w, full: true, ct), OpenToOutsiders: true),
        new("edit", "edit <section>", "Answer a section again, by number or name. Example: edit 3, edit risks", CommandUsers.Anyone, NeedsPlan: true,
            a => !a.Contains('\n', StringComparison.Ordinal) && a.Length <= 40, (_, w, a, _) => Done(() => InterviewFlow.Edit(w, a))),
        new("skip", "skip", "Leave this question for later.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (_, w, _, _) => Done(() => InterviewFlow.Skip(w))),
        new("keep", "keep", "Keep the carried-over answer shown for this release.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (_, w, _, _) => Done(() => CarryOverFlow.Keep(w))),
        new("remove", "remove", "Drop the carried-over answer shown; it does not apply to this release.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (_, w, _, _) => Done(() => CarryOverFlow.Remove(w))),
        new("baseline", "baseline [<product> <version>]", "Start from an earlier plan: the one offered, or any plan of this tenant.", CommandUsers.Anyone, NeedsPlan: false,
            a => a.Length == 0 || Release().IsMatch(a), (f, w, a, ct) => f.Start.BaselineAsync(w, a, ct)),
        new("fresh", "fresh", "Start the offered plan empty instead of from the earlier release's plan.", CommandUsers.Anyone, NeedsPlan: false,
            ChatCommand.Bare, (f, w, _, ct) => f.Start.FreshAsync(w, ct)),
        new("back", "back", "Go back to the previous question.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (_, w, _, _) => Done(() => InterviewFlow.Back(w))),
        new("submit", "submit", "Send the finished plan to its approvers in the release channel.", CommandUsers.Owner, NeedsPlan: true,
            ChatCommand.Bare, (f, w, _, ct) => f.Approval.SubmitAsync(w, ct)),
        new("approve", "approve", "Approve the plan in review.", CommandUsers.Approvers, NeedsPlan: true,
            ChatCommand.Bare, (f, w, _, ct) => f.Approval.DecideTypedAsync(w, Verdict.Approve, null, ct)),
        new("reject", "reject <reason>", "Reject the plan in review, with the reason.", CommandUsers.Approvers, NeedsPlan: true,
            _ => true, (f, w, a, ct) => f.Approval.DecideTypedAsync(w, Verdict.Reject, a, ct)),
        new("assign", "assign <section> @person", "Ask a developer to answer a section, in a personal chat; they are reminded while it stays open.", CommandUsers.Owner, NeedsPlan: true,
            a => a.Length > 0, (f, w, a, ct) => f.Assignment.AssignAsync(w, a, ct)),
        new("quorum", "quorum any|all", "Whether one approver is enough or all must approve.", CommandUsers.Owner, NeedsPlan: true,
            a => a.Length == 0 || Quorum().IsMatch(a), (_, w, a, _) => Done(() => ApprovalFlow.SetQuorum(w, a))),
        new("pending", "pending", "Plans waiting for my decision.", CommandUsers.Anyone, NeedsPlan: false,
            ChatCommand.Bare, (f, w, _, ct) => f.Overview.PendingAsync(w, ct)),
        new("history", "history", "Every decision and change of the plan, oldest first.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (_, w, _, _) => Done(() => OverviewFlow.History(w))),
        new("export", "export [docx]", "The plan as a Markdown document (docx: a Word document), with a download link valid for 15 minutes.", CommandUsers.Anyone, NeedsPlan: true,
            ExportFlow.Accepts, (f, w, a, _) => Done(() => f.Export.Export(w, a))),
        new("list", "list [page]", "The plans in this tenant, newest first, with their state and completeness; 50 a page.", CommandUsers.Anyone, NeedsPlan: false,
            a => a.Length == 0 || PageNumber().IsMatch(a), (f, w, a, ct) => f.Overview.ListAsync(w, a, ct)),
        new("channel", "channel set <product>", "Make this team channel the product's release channel.", CommandUsers.ReleaseAdmins, NeedsPlan: false,
            a => a.Length == 0 || Channel().IsMatch(a), (f, w, a, ct) => f.ReleaseChannel.ChannelAsync(w, a, ct)),
        new("owner", "owner @person", "Hand the plan over to another owner (plan owner or release admins).", CommandUsers.Anyone, NeedsPlan: true,
            a => a.Length > 0, (f, w, a, ct) => f.TenantAdmin.HandOverAsync(w, a, ct)),
        new("admins", "admins", "Who administers releases in this tenant.", CommandUsers.Anyone, NeedsPlan: false,
            ChatCommand.Bare, (f, w, _, ct) => f.TenantAdmin.AdminsAsync(w, ct)),
        new("admin", "admin add|remove @person", "Make someone a release admin, or stop them being one.", CommandUsers.ReleaseAdmins, NeedsPlan: false,
            a => Admin().IsMatch(a), (f, w, a, ct) => f.TenantAdmin.AdminAsync(w, a, ct)),
        new("settings", "settings [<setting> <value>]", "The tenant's rules: whose approvals count, and who may work on a product's plans.", CommandUsers.ReleaseAdmins, NeedsPlan: false,
            a => a.Length == 0 || Setting().IsMatch(a), (f, w, a, ct) => f.TenantAdmin.SettingsAsync(w, a, ct)),
        new("start", "start deployment", "Start the deployment of the approved plan: the run sheet is posted in its thread.", CommandUsers.Anyone, NeedsPlan: true,
            a => a.Equals("deployment", StringComparison.OrdinalIgnoreCase), (f, w, _, _) => Done(() => f.Deployment.Report(w, DeploymentStage.Started, null))),
        new("deploying", "deploying", "The same as `start deployment`.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (f, w, _, _) => Done(() => f.Deployment.Report(w, DeploymentStage.Started, null))),
        new("deployed", "deployed", "The release is deployed: its success criteria are then checked one by one.", CommandUsers.Anyone, NeedsPlan: true,
            ChatCommand.Bare, (f, w, _, _) => Done(() => f.Deployment.Report(w, DeploymentStage.Deployed, null))),
        new("failed", "failed <reason>", "The deployment failed: the backout plan is shown and who decides is asked.", CommandUsers.Anyone, NeedsPlan: true,
            _ => true, (f, w, a, _) => Done(() => f.Deployment.Report(w, DeploymentStage.Failed, a))),
        new("rolled", "rolled back <reason>", "The release was backed out: the previous one runs again.", CommandUsers.Anyone, NeedsPlan: true,
            a => RolledBack().IsMatch(a), (f, w, a, _) => Done(() => f.Deployment.Report(w, DeploymentStage.RolledBack, RolledBack().Match(a).Groups["reason"].Value))),
        new("step", "step <n> done|problem [note]", "Mark a step of the run sheet done, or report a problem with it.", CommandUsers.Anyone, NeedsPlan: true,
            a => StepOrCheck().IsMatch(a), (f, w, a, ct) => f.Deployment.StepAsync(w, ReadStep(a), ct)),
        new("check", "check <n> pass|fail [note]", "Pass or fail a success criterion after the deployment.", CommandUsers.Anyone, NeedsPlan: true,
            a => StepOrCheck().IsMatch(a), (f, w, a, ct) => f.Deployment.CheckAsync(w, ReadCheck(a), ct)),
        new("gate", "gate key | gate keys | gate key revoke <id>", "Keys Azure Pipelines checks ask whether a release's plan is approved with; a new key is sent to you in a personal chat, once.", CommandUsers.ReleaseAdmins, NeedsPlan: false,
            a => a.Length == 0 || GateKey().IsMatch(a), (f, w, a, ct) => f.GateKeys.GateAsync(w, a, ct)),
        new("link", "link github <owner>/<repo> <environment> [<product>]", "Make a GitHub environment's deployments wait for the product's approved plan; `link github` lists the links.", CommandUsers.ReleaseAdmins, NeedsPlan: false,
            a => a.Length == 0 || LinkGitHub().IsMatch(a), (f, w, a, ct) => f.GitHubLinks.LinkAsync(w, a, ct)),
        new("unlink", "unlink github <owner>/<repo> <environment>", "Stop a GitHub environment's deployments waiting for plans.", CommandUsers.ReleaseAdmins, NeedsPlan: false,
            a => LinkGitHub().IsMatch(a), (f, w, a, ct) => f.GitHubLinks.UnlinkAsync(w, a, ct)),
        new("cancel", "cancel", "Cancel the plan (its answers are kept; plan <product> <version> reopens it).", CommandUsers.Owner, NeedsPlan: true,
            ChatCommand.Bare, (_, w, _, _) => Done(() => StartFlow.Cancel(w))),
        new("help", "help", "This list.", CommandUsers.Anyone, NeedsPlan: false,
            ChatCommand.Bare, (_, w, _, _) => Done(() => w.Reply(HelpText.View())), OpenToOutsiders: true),
    ];

    private static readonly Dictionary<string, ChatCommand> ByName = All.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The command <paramref name="text"/> is, with its arguments; null when it is not one (an answer).</summary>
    public static (ChatCommand Command, string Arguments)? Parse(string? text)
    {
        var match = Shape().Match((text ?? string.Empty).Trim().TrimStart('/'));
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var arguments = match.Groups["args"].Value.Trim();
        if (name == "?")
        {
            name = "help";
        }

        return ByName.TryGetValue(name, out var command) && command.Accepts(arguments) ? (command, arguments) : null;
    }

    private static StepAction ReadStep(string arguments)
    {
        var match = StepOrCheck().Match(arguments);
        return new StepAction(null, int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["word"].Value.Equals("done", StringComparison.OrdinalIgnoreCase), Empty(match.Groups["note"].Value));
    }

    private static CheckAction ReadCheck(string arguments)
    {
        var match = StepOrCheck().Match(arguments);
        return new CheckAction(null, int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), match.Groups["word"].Value.Equals("pass", StringComparison.OrdinalIgnoreCase), Empty(match.Groups["note"].Value));
    }

    private static string? Empty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Task Done(Action run)
    {
        run();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z]+|\?)(\s+(?<args>[\s\S]*))?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\S+\s+\S+$")]
    private static partial Regex Release();

    [GeneratedRegex(@"^set(\s+\S+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Channel();

    [GeneratedRegex(@"^(any|all)$", RegexOptions.IgnoreCase)]
    private static partial Regex Quorum();

    /// <summary>A page of <c>list</c>: 1 to 9999, so the plans to skip stay far inside an int.</summary>
    [GeneratedRegex(@"^[1-9][0-9]{0,3}$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^back(\s+(?<reason>[\s\S]*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex RolledBack();

    [GeneratedRegex(@"^(?<n>\d{1,3})\s+(?<word>done|problem|pass|fail)(\s+(?<note>[\s\S]{1,1000}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex StepOrCheck();

    [GeneratedRegex(@"^(add|remove)\s+\S[\s\S]{0,200}$", RegexOptions.IgnoreCase)]
    private static partial Regex Admin();

    [GeneratedRegex(@"^[a-z\-]{1,40}\s+\S{1,20}$", RegexOptions.IgnoreCase)]
    private static partial Regex Setting();

    [GeneratedRegex(@"^keys?(\s+revoke\s+\S{1,40})?$", RegexOptions.IgnoreCase)]
    private static partial Regex GateKey();

    [GeneratedRegex(@"^github(\s+[^\n]{1,300})?$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkGitHub();
}
