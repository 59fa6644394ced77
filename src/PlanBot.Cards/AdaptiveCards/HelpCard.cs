using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>The commands as a FactSet, usage beside description, after an optional line of introduction.</summary>
internal static class HelpCard
{
    public static AdaptiveCard Build(HelpView help, CardAudience audience)
    {
        var body = new List<CardElement>();
        if (help.Intro is not null)
        {
            body.Add(TextBlocks.Message(help.Intro));
        }

        body.Add(TextBlocks.Bold("Commands"));
        body.Add(new FactSet
        {
            Facts = help.Commands.Select(c => new Fact(CardText.EscapeInline(c.Usage), CardText.Escape(c.Description))).ToList(),
        });
        if (audience.NeedsMention)
        {
            body.Add(TextBlocks.Subtle($"Here, start each command with @{audience.BotName}."));
        }

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = CardText.EscapeInline(help.Intro ?? "PlanBot commands"),
        };
    }
}
