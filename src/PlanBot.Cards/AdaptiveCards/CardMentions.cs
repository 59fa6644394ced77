using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Domain.Answers;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// People named on a card so that Teams notifies them: each person with a Teams id is
/// <c>&lt;at&gt;name&lt;/at&gt;</c> in the text plus an <c>msteams.entities</c> entry whose text is the
/// same string; people without one are named as plain text.
/// </summary>
internal static class CardMentions
{
    public static (string Markup, IReadOnlyList<MentionEntity> Entities) Of(IEnumerable<PersonRef> people)
    {
        var names = new List<string>();
        var entities = new List<MentionEntity>();
        foreach (var person in Distinct(people))
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

        return (string.Join(", ", names), entities);
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
