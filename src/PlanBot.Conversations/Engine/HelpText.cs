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
        new("back", "Go back to the previous question."),
        new("cancel", "Cancel the plan (its answers are kept; plan <product> <version> reopens it)."),
        new("list", "The plans in this tenant, with their state and completeness."),
        new("help", "This list."),
    ];

    public const string Welcome =
        "Hi, I'm PlanBot. I help the deployment engineer and the developers write the deployment plan for a release, one question at a time.";

    public static HelpView View(string? intro = null) => new(intro, Commands);
}
