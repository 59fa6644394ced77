using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// A short message in its tone's colour, then the people it @mentions (<see cref="CardMentions"/>).
/// </summary>
internal static class NoticeCard
{
    public static AdaptiveCard Build(NoticeView notice, CardDetail detail)
    {
        var (mark, color) = notice.Tone switch
        {
            Tone.Problem => ("⚠️ ", TextColor.Attention),
            Tone.Warning => ("⚠️ ", TextColor.Warning),
            Tone.Success => ("✅ ", TextColor.Good),
            _ => (string.Empty, (TextColor?)null),
        };
        var body = new List<CardElement> { TextBlocks.Message(mark + CardText.Cut(notice.Text, detail.MessageChars), color) };
        IReadOnlyList<MentionEntity> entities = [];
        if (notice.Mentions is { Count: > 0 } mentions)
        {
            (var markup, entities) = CardMentions.Of(mentions);
            body.Add(TextBlocks.Markup(markup));
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = CardText.EscapeInline(CardText.Cut(notice.Text, 200)),
            MsTeams = entities.Count > 0 ? new TeamsCardProperties { Entities = entities } : null,
        };
    }
}
