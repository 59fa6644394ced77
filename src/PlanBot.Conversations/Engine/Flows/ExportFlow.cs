using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary><c>export</c>: the plan as a document, inline when short enough, and as a signed link.</summary>
internal sealed class ExportFlow(IExportLinks? exports)
{
    public void Export(TurnWork work)
    {
        var plan = work.Active!.Document.Plan;
        var markdown = PlanMarkdown.Render(plan);
        var link = exports?.Create(plan.TenantId, plan.Id);
        work.Reply(new ExportView(plan.Title, markdown.Length <= PlanEngine.InlineExportLimit ? markdown : null, link, PlanEngine.ExportLinkLifetime));
    }
}
