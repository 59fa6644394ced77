namespace PlanBot.Conversations.Ports;

/// <summary>Makes short-lived signed download links for a plan's exported document.</summary>
public interface IExportLinks
{
    Uri Create(string tenantId, string planId, ExportFormat format = ExportFormat.Markdown);
}
