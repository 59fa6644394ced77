namespace PlanBot.Conversations.Views;

/// <summary>The plan as a document: inline when it fits in a message, and always as a signed link.</summary>
public sealed record ExportView(string PlanTitle, string? Markdown, Uri? Link, TimeSpan LinkLifetime) : View;
