namespace PlanBot.BotFramework.Schema;

/// <summary>The Connector's answer to a send: the id PUT and DELETE need later.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }

    public string? ActivityId { get; set; }

    public string? ServiceUrl { get; set; }
}

public sealed class ErrorResponse
{
    public ErrorBody? Error { get; set; }
}

public sealed class ErrorBody
{
    public string? Code { get; set; }

    public string? Message { get; set; }
}

/// <summary>The roster of a conversation, as "get conversation members" returns it.</summary>
public sealed class MemberList : List<ChannelAccount>;
