using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Views;

public enum Tone
{
    Info,
    Success,
    Warning,
    Problem,
}

/// <summary>
/// A short message: an acknowledgement, a hint, a refusal with its reason. <see cref="Mentions"/>
/// are people to @mention after the text, where the channel can notify them.
/// </summary>
public sealed record NoticeView(string Text, Tone Tone = Tone.Info, IReadOnlyList<PersonRef>? Mentions = null) : View;
