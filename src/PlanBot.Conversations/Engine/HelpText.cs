using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine;

/// <summary>Every command the bot understands, as <c>help</c> lists them.</summary>
public static class HelpText
{
    public static IReadOnlyList<CommandHelp> Commands { get; } =
    [
        new("plan <product> <version>", "Start the deployment plan for a release, or resume it. Example: plan Contoso.Web 2.4"),
        new("status", "What is answered, what is missing, and how complete the plan is."),
        new("show", "The whole plan, section by section, with who answered what."),
        new("edit <section>", "Answer a section again, by number or name. Example: edit 3, edit risks"),
        new("skip", "Leave this question for later."),
        new("keep", "Keep the carried-over answer shown for this release."),
        new("remove", "Drop the carried-over answer shown; it does not apply to this release."),
        new("baseline [<product> <version>]", "Start from an earlier plan: the one offered, or any plan of this tenant."),
        new("fresh", "Start the offered plan empty instead of from the earlier release's plan."),
        new("back", "Go back to the previous question."),
        new("submit", "Send the finished plan to its approvers in the release channel (plan owner)."),
        new("approve", "Approve the plan in review (approvers named in section 5)."),
        new("reject <reason>", "Reject the plan in review, with the reason (approvers)."),
        new("assign <section> @person", "Ask a developer to answer a section, in a personal chat; they are reminded while it stays open (plan owner)."),
        new("quorum any|all", "Whether one approver is enough or all must approve (plan owner)."),
        new("pending", "Plans waiting for my decision."),
        new("history", "Every decision and change of the plan, oldest first."),
        new("export", "The plan as a Markdown document, with a download link valid for 15 minutes."),
        new("list", "The plans in this tenant, with their state and completeness."),
        new("channel set <product>", "Make this team channel the product's release channel (release admins)."),
        new("cancel", "Cancel the plan (its answers are kept; plan <product> <version> reopens it)."),
        new("help", "This list."),
    ];

    public const string Welcome =
        "Hi, I'm PlanBot. I help the deployment engineer and the developers write the deployment plan for a release, one question at a time.";

    public static HelpView View(string? intro = null) => new(intro, Commands);
}
