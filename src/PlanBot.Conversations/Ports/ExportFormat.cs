namespace PlanBot.Conversations.Ports;

/// <summary>The documents <c>export</c> makes of a plan; the engine asks for one, the host serves it.</summary>
public enum ExportFormat
{
    Markdown,

    /// <summary>A Word document (.docx), for people who file plans with the release record.</summary>
    Word,
}
