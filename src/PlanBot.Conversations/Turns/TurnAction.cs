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

/// <summary>
/// "Save section" on a section form: its answers by question id, each as a typed answer would read
/// (an empty one leaves the question open); people a picker chose by their channel id come as <see cref="Mentions"/>.
/// <see cref="Revision"/> is the plan's revision when the form was shown. With <see cref="Submit"/>
/// ("Save and submit" on the last open section) the plan goes to its approvers once the save completes it.
/// </summary>
public sealed record SaveSectionAction(string? PlanId, int Section, int? Revision, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<Domain.Answers.Mention>? Mentions = null, bool Submit = false) : TurnAction;

/// <summary>"Keep section": every answer carried over into the section is kept for this release as it is.</summary>
public sealed record KeepSectionAction(string? PlanId, int Section) : TurnAction;

/// <summary>Keeps the carried-over answer to one question as it is.</summary>
public sealed record KeepAnswerAction(string? PlanId, string QuestionId) : TurnAction;

/// <summary>Removes the carried-over answer to one question: it does not apply to this release.</summary>
public sealed record RemoveAnswerAction(string? PlanId, string QuestionId) : TurnAction;

/// <summary>Keeps, in every section, the carried-over answers nothing was found wrong with.</summary>
public sealed record KeepUnflaggedAction(string? PlanId) : TurnAction;

/// <summary>Opens a section's form (from the plan's status).</summary>
public sealed record OpenSectionAction(string? PlanId, int Section) : TurnAction;

/// <summary>"Submit" on the finished plan's summary.</summary>
public sealed record SubmitPlanAction(string? PlanId) : TurnAction;

/// <summary>Done or Problem on a step of the run sheet, with an optional note.</summary>
public sealed record StepAction(string? PlanId, int Step, bool Done, string? Note) : TurnAction;

/// <summary>Pass or Fail on a success criterion after the deployment, with an optional note.</summary>
public sealed record CheckAction(string? PlanId, int Criterion, bool Passed, string? Note) : TurnAction;

/// <summary>
/// A pipeline reported a deployment stage of the plan <see cref="PlanId"/> through PlanBot's events
/// endpoint, under the tenant's gate key. No button sends it: the host builds it once the key is
/// checked. <see cref="EventId"/> is the pipeline's own id for the event, so a redelivery changes nothing.
/// </summary>
public sealed record PipelineEventAction(string PlanId, Domain.Deployment.DeploymentStage Stage, string Source, string? Note, string EventId) : TurnAction;
