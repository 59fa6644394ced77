using PlanBot.Cards.AdaptiveCards;
using PlanBot.Conversations.Turns;

namespace PlanBot.Cards.Tests.Support;

/// <summary>Every sample view rendered, plus the question cards as a channel sees them.</summary>
internal static class SampleCards
{
    private static readonly Lazy<IReadOnlyList<(string Name, RenderedCard Card)>> Cards = new(Render);

    public static IReadOnlyList<(string Name, RenderedCard Card)> All => Cards.Value;

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static RenderedCard Named(string name) => All.Single(c => c.Name == name).Card;

    private static IReadOnlyList<(string, RenderedCard)> Render()
    {
        var cards = SampleViews.All.Select(v => (v.Name, AdaptiveCardRenderer.Render(v.View))).ToList();
        var channel = new CardAudience(ConversationKind.Channel);
        cards.Add(("question-in-channel", AdaptiveCardRenderer.Render(SampleViews.Named("question-training"), channel)));
        cards.Add(("help-in-channel", AdaptiveCardRenderer.Render(SampleViews.Named("help"), channel)));
        cards.Add(("section-in-channel", AdaptiveCardRenderer.Render(SampleViews.Named("section-filled-1"), channel)));
        return cards;
    }
}
