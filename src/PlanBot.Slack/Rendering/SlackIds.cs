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

    /// <summary>A modal's private metadata: the conversation its submission answers in, and that channel's name.</summary>
    public const string ConversationMetadata = "conversation";

    public const string ChannelNameMetadata = "channelName";
}
