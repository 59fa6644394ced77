using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// <c>export</c>: the plan as a document, inline when short enough, and as a signed link;
/// <c>export docx</c>: a signed link to the plan as a Word document.
/// </summary>
internal sealed class ExportFlow(IExportLinks? exports)
{
    /// <summary>The argument of <c>export</c> that asks for a Word document.</summary>
    public const string WordArgument = "docx";

    public static bool Accepts(string arguments) =>
        arguments.Length == 0 || arguments.Equals(WordArgument, StringComparison.OrdinalIgnoreCase);

    public void Export(TurnWork work, string arguments)
    {
        var plan = work.Active!.Document.Plan;
        if (arguments.Equals(WordArgument, StringComparison.OrdinalIgnoreCase))
        {
            work.Reply(new ExportView(plan.Title, null, exports?.Create(plan.TenantId, plan.Id, ExportFormat.Word), PlanEngine.ExportLinkLifetime, ExportFormat.Word));
            return;
        }

        var markdown = PlanMarkdown.Render(plan);
        var link = exports?.Create(plan.TenantId, plan.Id);
        work.Reply(new ExportView(plan.Title, markdown.Length <= PlanEngine.InlineExportLimit ? markdown : null, link, PlanEngine.ExportLinkLifetime));
    }
}
