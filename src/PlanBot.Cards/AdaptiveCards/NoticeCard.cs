using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// A short message in its tone's colour, then the people it @mentions. Each mention is
/// <c>&lt;at&gt;name&lt;/at&gt;</c> in a TextBlock plus an <c>msteams.entities</c> entry whose text is
/// the same string; people without a Teams id are named as plain text.
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
        var body = new List<CardElement> { TextBlocks.Plain(mark + CardText.Cut(notice.Text, detail.MessageChars), color) };
        var entities = new List<MentionEntity>();
        if (notice.Mentions is { Count: > 0 } mentions)
        {
            var names = new List<string>();
            foreach (var person in Distinct(mentions))
            {
                if (person.IsResolved)
                {
                    var markup = CardText.MentionMarkup(person.ToString());
                    names.Add(markup);
                    entities.Add(new MentionEntity(markup, new MentionedUser(person.Id, person.ToString())));
                }
                else
                {
                    names.Add(CardText.EscapeInline(person.ToString()));
                }
            }

            body.Add(TextBlocks.Markup(string.Join(", ", names)));
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = CardText.EscapeInline(CardText.Cut(notice.Text, 200)),
            MsTeams = entities.Count > 0 ? new TeamsCardProperties { Entities = entities } : null,
        };
    }

    private static IEnumerable<PersonRef> Distinct(IEnumerable<PersonRef> people)
    {
        var seen = new List<PersonRef>();
        foreach (var person in people)
        {
            if (!seen.Any(s => s.SameAs(person) || (!s.IsResolved && !person.IsResolved && s.ToString() == person.ToString())))
            {
                seen.Add(person);
                yield return person;
            }
        }
    }
}
