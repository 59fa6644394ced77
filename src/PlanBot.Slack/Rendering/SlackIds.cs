using PlanBot.Cards.Actions;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// The names PlanBot gives to interactive elements. They are the contract between the blocks it
/// sends and the payloads Slack sends back: an action id is the verb of the button.
/// </summary>
public static class SlackIds
{
    /// <summary>Approve the plan: value <c>{"planId","revision"}</c>; read as the decision to approve.</summary>
    public const string Approve = CardVerbs.Approve;

    /// <summary>Reject the plan: value <c>{"planId","revision"}</c>; opens the reason modal first.</summary>
    public const string Reject = CardVerbs.Reject;

    /// <summary>Skip the open question: value <c>{"planId","questionId"}</c>; read as skipping that question.</summary>
    public const string Skip = CardVerbs.Skip;

    /// <summary>Answer in a form: value <c>{"planId","questionId"}</c>; opens the answer modal.</summary>
    public const string AnswerForm = "answer_form";

    /// <summary>
    /// Open a section's form, as a modal: value <c>{"planId","section"}</c>, with <c>"revision"</c> when the
    /// button is on the section's own message (an old message cannot save into a plan submitted since).
    /// </summary>
    public const string OpenSection = CardVerbs.OpenSection;

    /// <summary>Keep every carried-over answer of a section: value <c>{"planId","section"}</c>; the section's message shows the answer in place.</summary>
    public const string KeepSection = CardVerbs.KeepSection;

    /// <summary>Keep, or remove, one carried-over answer: value <c>{"planId","questionId"}</c>; the section's message shows the answer in place.</summary>
    public const string KeepAnswer = CardVerbs.KeepAnswer;

    public const string RemoveAnswer = CardVerbs.RemoveAnswer;

    /// <summary>Keep, in every section, the carried-over answers nothing was found wrong with: value <c>{"planId"}</c>.</summary>
    public const string KeepUnflagged = CardVerbs.KeepUnflagged;

    /// <summary>Submit the finished plan: value <c>{"planId"}</c>.</summary>
    public const string SubmitPlan = CardVerbs.SubmitPlan;

    /// <summary>
    /// The section modal's choice of what follows a save that completes the plan (a modal has one submit
    /// button): <see cref="ThenSubmit"/> sends the plan to its approvers, <see cref="ThenSave"/> only saves.
    /// </summary>
    public const string ThenInput = "then";

    public const string ThenSubmit = CardVerbs.SaveAndSubmit;

    public const string ThenSave = CardVerbs.SaveSection;

    /// <summary>Open a plan from the Home tab: value is the plan's id; opens a modal with the plan.</summary>
    public const string HomeOpenPlan = "home_open_plan";

    /// <summary>The actions block of the approval message; a reply carrying it replaces the clicked message.</summary>
    public const string ApprovalBlock = "approval";

    public const string QuestionBlock = "question";

    /// <summary>The reject modal's callback id, and the block and action id of its reason input.</summary>
    public const string RejectModal = "reject";

    public const string ReasonInput = CardInputIds.Reason;

    /// <summary>The answer modal's callback id, and the block and action id of its answer input.</summary>
    public const string AnswerModal = "answer";

    public const string AnswerInput = CardInputIds.Answer;

    /// <summary>The actions block of a section's message (its form or its read-back).</summary>
    public const string SectionBlock = "section_form";

    /// <summary>The actions block of a plan summary's buttons (Submit, or the open sections).</summary>
    public const string SummaryBlock = "summary";

    /// <summary>The section modal's callback id; its inputs are named as <see cref="SectionInputs"/> says.</summary>
    public const string SectionModal = "section";

    /// <summary>A modal's private metadata: the conversation its submission answers in, and that channel's name.</summary>
    public const string ConversationMetadata = "conversation";

    public const string ChannelNameMetadata = "channelName";

    /// <summary>The section modal's private metadata: the ts of the message it was opened from, which its answer replaces.</summary>
    public const string MessageMetadata = "message";
}
