using PlanBot.Conversations.Ports;

namespace PlanBot.Conversations.Views;

/// <summary>
/// The plan as a document: inline when it fits in a message (Markdown only), and always as a signed
/// link to the document in <see cref="Format"/>.
/// </summary>
public sealed record ExportView(string PlanTitle, string? Markdown, Uri? Link, TimeSpan LinkLifetime, ExportFormat Format = ExportFormat.Markdown) : View
{
    /// <summary>How the link names its document: "Markdown", "Word document".</summary>
    public string FormatName => Format == ExportFormat.Word ? "Word document" : "Markdown";
}
