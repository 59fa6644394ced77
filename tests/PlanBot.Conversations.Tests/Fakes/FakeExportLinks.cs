using PlanBot.Conversations.Ports;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>Links that name tenant and plan in plain sight, so scripts can check which plan a link is for.</summary>
public sealed class FakeExportLinks : IExportLinks
{
    public Uri Create(string tenantId, string planId, ExportFormat format = ExportFormat.Markdown) =>
        new($"https://planbot.test/api/plans/{Uri.EscapeDataString(planId)}/export{(format == ExportFormat.Word ? "/docx" : string.Empty)}?tenant={Uri.EscapeDataString(tenantId)}");
}
