namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Who a mention points at: a Teams user id (<c>29:…</c>), an Entra object id or a UPN, and a display name.</summary>
public sealed record MentionedUser(string Id, string Name);
