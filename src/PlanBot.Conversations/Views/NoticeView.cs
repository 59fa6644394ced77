namespace PlanBot.Conversations.Views;

public enum Tone
{
    Info,
    Success,
    Warning,
    Problem,
}

/// <summary>A short message: an acknowledgement, a hint, a refusal with its reason.</summary>
public sealed record NoticeView(string Text, Tone Tone = Tone.Info) : View;
