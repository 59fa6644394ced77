using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Turns;

namespace PlanBot.Slack.Interaction;

/// <summary>
/// A section modal's submission, read into what a section form sends: its inputs by the ids
/// <see cref="SectionInputs"/> gives them (dates, times and options as the card's inputs hold them),
/// the members the people pickers chose as mentions, and where the modal's answer goes.
/// </summary>
public sealed record SectionSubmission(
    int Section,
    SaveSectionAction Action,
    IReadOnlyList<string> PickedUsers,
    string ConversationId,
    string? ChannelName,
    string? MessageTs)
{
    /// <summary>The submission of a section modal; null when its metadata does not name a plan, a section of the plan and a conversation.</summary>
    public static SectionSubmission? Read(InteractionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var metadata = FlatJson.Read(view.PrivateMetadata);
        if (!metadata.TryGetValue(SlackIds.ConversationMetadata, out var conversationId)
            || !metadata.TryGetValue(CardDataKeys.PlanId, out var planId)
            || !SlackConversationId.IsWellFormed(conversationId)
            || !int.TryParse(metadata.GetValueOrDefault(CardDataKeys.Section), NumberStyles.None, CultureInfo.InvariantCulture, out var section)
            || !Enum.IsDefined((Section)section))
        {
            return null;
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var picked = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (_, actions) in view.State?.Values ?? [])
        {
            foreach (var (actionId, state) in actions)
            {
                if (state.SelectedUsers is { } users)
                {
                    picked[actionId] = users;
                }
                else if (state.Read() is { } value)
                {
                    inputs[actionId] = value;
                }
            }
        }

        var mentioned = new List<string>();
        foreach (var (questionId, users) in picked)
        {
            if (PlanChecklist.Find(questionId) is not { Kind: AnswerKind.People })
            {
                continue;
            }

            var others = inputs.Remove(questionId + SectionInputs.DetailSuffix, out var typed) ? typed.Trim() : string.Empty;
            if (others.Length == 0 && AsItWas(metadata, questionId, users) is { } unchanged)
            {
                // The picker left as it was: the answer as it stood, so it reads as left as it was.
                inputs[questionId] = unchanged;
                continue;
            }

            inputs[questionId] = string.Join(", ", users.Select(id => $"<@{id}>").Append(others).Where(p => p.Length > 0));
            mentioned.AddRange(users);
        }

        var data = new Dictionary<string, string>(inputs, StringComparer.Ordinal)
        {
            [CardDataKeys.PlanId] = planId,
            [CardDataKeys.Section] = section.ToString(CultureInfo.InvariantCulture),
        };
        if (metadata.TryGetValue(CardDataKeys.Revision, out var revision))
        {
            data[CardDataKeys.Revision] = revision;
        }

        var verb = inputs.GetValueOrDefault(SlackIds.ThenInput) == SlackIds.ThenSubmit ? CardVerbs.SaveAndSubmit : CardVerbs.SaveSection;
        return CardActions.Read(verb, data) is SaveSectionAction action
            ? new SectionSubmission(section, action, mentioned.Distinct(StringComparer.Ordinal).ToList(), conversationId, metadata.GetValueOrDefault(SlackIds.ChannelNameMetadata), metadata.GetValueOrDefault(SlackIds.MessageMetadata))
            : null;
    }

    /// <summary>The answer a people picker started with, when it still picks exactly the members it started with.</summary>
    private static string? AsItWas(Dictionary<string, string> metadata, string questionId, IReadOnlyList<string> users) =>
        metadata.TryGetValue(questionId + SectionModal.InitialUsersSuffix, out var initial)
        && metadata.TryGetValue(questionId + SectionModal.InitialValueSuffix, out var value)
        && initial.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal).SetEquals(users)
            ? value
            : null;
}
