using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine;

/// <summary><c>export</c>: the plan as a document, inline when short enough, and as a 15-minute signed link.</summary>
public sealed partial class PlanEngine
{
    /// <summary>Longer documents go by link only: a chat message this size is already hard to read.</summary>
    public const int InlineExportLimit = 12_000;

    public static readonly TimeSpan ExportLinkLifetime = TimeSpan.FromMinutes(15);

    private void Export(TurnWork work)
    {
        var plan = work.Active!.Document.Plan;
        var markdown = PlanMarkdown.Render(plan);
        var link = exports?.Create(plan.TenantId, plan.Id);
        work.Reply(new ExportView(plan.Title, markdown.Length <= InlineExportLimit ? markdown : null, link, ExportLinkLifetime));
    }
}
