using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Turns;

/// <summary>
/// What a button or a form asked for, as the channel adapter read it from the data the card carried.
/// The ids name what the card was about: older cards stay in the chat, so they decide where an
/// action goes, not the conversation's current position. A null id is an older card that did not
/// carry one.
/// </summary>
public abstract record TurnAction;

/// <summary>"Save answer" on a question card: <see cref="Text"/> answers <see cref="QuestionId"/> of <see cref="PlanId"/>.</summary>
public sealed record AnswerAction(string? PlanId, string? QuestionId, string Text) : TurnAction;

/// <summary>"Skip" on a question card.</summary>
public sealed record SkipAction(string? PlanId, string? QuestionId) : TurnAction;

/// <summary>Approve or Reject on the approval request, bound to the revision the card showed.</summary>
public sealed record DecideAction(string? PlanId, int? Revision, Verdict Verdict, string? Reason) : TurnAction;

/// <summary>An approval card asking for the view of whoever looks at it (Teams' automatic refresh).</summary>
public sealed record RefreshApprovalAction(string? PlanId) : TurnAction;

/// <summary>A button PlanBot does not know, by its verb.</summary>
public sealed record UnknownAction(string Verb) : TurnAction;
