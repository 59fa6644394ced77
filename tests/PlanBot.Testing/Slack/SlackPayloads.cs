using System.Text.Json.Nodes;

namespace PlanBot.Testing.Slack;

/// <summary>Slack-shaped requests as Slack sends them: event envelopes, slash commands, interactions.</summary>
public static class SlackPayloads
{
    public const string TeamId = "T0PLANBOT";
    public const string AppId = "A0PLANBOT";
    public const string BotUserId = "U0BOT";
    public const string Owner = "U0OWNER";
    public const string Approver = "U0APPROVER";
    public const string Developer = "U0DEV";
    public const string OwnerDm = "D0OWNER";
    public const string ApproverDm = "D0APPROVER";
    public const string ReleaseChannel = "C0RELEASE";

    private static int next;

    public static string NewEventId() => $"Ev{Interlocked.Increment(ref next):D8}";

    public static string NewTriggerId() => $"{Interlocked.Increment(ref next)}.1234.abcdef";

    public static JsonObject Envelope(JsonObject inner, string? eventId = null, string team = TeamId, string app = AppId) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = team,
        ["api_app_id"] = app,
        ["event"] = inner,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NewEventId(),
        ["event_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["authorizations"] = new JsonArray(new JsonObject
        {
            ["enterprise_id"] = null,
            ["team_id"] = team,
            ["user_id"] = BotUserId,
            ["is_bot"] = true,
            ["is_enterprise_install"] = false,
        }),
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "4-eyJldCI6Im1lc3NhZ2UifQ",
    };

    public static JsonObject DirectMessage(string text, string user = Owner, string channel = OwnerDm, string? threadTs = null) => Message(new JsonObject
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["user"] = user,
        ["text"] = text,
        ["channel"] = channel,
    }, threadTs);

    public static JsonObject Mention(string text, string user = Owner, string channel = ReleaseChannel, string? threadTs = null) => Message(new JsonObject
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["text"] = $"<@{BotUserId}> {text}",
        ["channel"] = channel,
    }, threadTs);

    public static Dictionary<string, string> Command(string text, string user = Owner, string channel = OwnerDm, string channelName = "directmessage") => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = TeamId,
        ["team_domain"] = "contoso",
        ["channel_id"] = channel,
        ["channel_name"] = channelName,
        ["user_id"] = user,
        ["user_name"] = user.ToLowerInvariant(),
        ["command"] = "/plan",
        ["text"] = text,
        ["api_app_id"] = AppId,
        ["is_enterprise_install"] = "false",
        ["response_url"] = "https://hooks.slack.com/commands/T0PLANBOT/1/abc",
        ["trigger_id"] = NewTriggerId(),
    };

    /// <summary>Someone opened the app's Home tab.</summary>
    public static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = "D0HOME",
        ["tab"] = "home",
        ["event_ts"] = "1700000000.000100",
    };

    /// <summary>A button pressed on the Home tab: no channel, no message, only the view.</summary>
    public static JsonObject HomeAction(string actionId, string value, string user) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = TeamId },
        ["api_app_id"] = AppId,
        ["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" },
        ["trigger_id"] = NewTriggerId(),
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "contoso" },
        ["view"] = new JsonObject { ["id"] = "V0HOME", ["type"] = "home", ["blocks"] = new JsonArray() },
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "b1",
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = "1700000000.2",
        }),
    };

    /// <summary>A click on a button of the message <paramref name="messageTs"/>, in its actions block <paramref name="blockId"/>.</summary>
    public static JsonObject BlockAction(string actionId, string value, string user, string channel, string channelName, string messageTs, string? threadTs = null, string blockId = "b1") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["name"] = user.ToLowerInvariant(), ["team_id"] = TeamId },
        ["api_app_id"] = AppId,
        ["token"] = "deprecated-verification-token",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = NewTriggerId(),
        ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "contoso" },
        ["enterprise"] = null,
        ["is_enterprise_install"] = false,
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = channelName },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["thread_ts"] = threadTs, ["text"] = "fallback", ["user"] = BotUserId },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = "https://hooks.slack.com/actions/T0PLANBOT/1/abc",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = blockId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = actionId },
            ["value"] = value,
            ["type"] = "button",
            ["action_ts"] = "1700000000.1",
        }),
    };

    /// <summary>The submission of the modal opened by <paramref name="opened"/> (a views.open call), with one input value.</summary>
    public static JsonObject ViewSubmission(JsonObject opened, string user, string blockAndActionId, string? value) =>
        Submission(opened["view"]!.AsObject(), user, new JsonObject
        {
            [blockAndActionId] = new JsonObject
            {
                [blockAndActionId] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value },
            },
        });

    /// <summary>
    /// The submission of the modal <paramref name="view"/> (a <c>view</c> as PlanBot opened, updated or answered
    /// it) as Slack sends it: every input's state, by its element's type, holding what <paramref name="values"/>
    /// gives by block id (users comma-separated; null empties it) and otherwise what the input started with.
    /// </summary>
    public static JsonObject ModalSubmission(JsonObject view, string user, IReadOnlyDictionary<string, string?>? values = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var state = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().Select(b => b!.AsObject()).Where(b => b["type"]!.GetValue<string>() == "input"))
        {
            var blockId = block["block_id"]!.GetValue<string>();
            var element = block["element"]!.AsObject();
            var type = element["type"]!.GetValue<string>();
            var value = values is not null && values.TryGetValue(blockId, out var given) ? given : Initial(element, type);
            var input = new JsonObject { ["type"] = type };
            switch (type)
            {
                case "datepicker":
                    input["selected_date"] = value;
                    break;
                case "timepicker":
                    input["selected_time"] = value;
                    break;
                case "static_select":
                    input["selected_option"] = value is null ? null : new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value };
                    break;
                case "multi_users_select":
                    input["selected_users"] = new JsonArray((value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
                    break;
                default:
                    input["value"] = value;
                    break;
            }

            state[blockId] = new JsonObject { [element["action_id"]!.GetValue<string>()] = input };
        }

        return Submission(view, user, state);
    }

    private static JsonObject Submission(JsonObject view, string user, JsonObject values) =>
        new()
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = TeamId, ["domain"] = "contoso" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = TeamId },
            ["api_app_id"] = AppId,
            ["trigger_id"] = NewTriggerId(),
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL",
                ["type"] = "modal",
                ["callback_id"] = view["callback_id"]?.GetValue<string>(),
                ["private_metadata"] = view["private_metadata"]?.GetValue<string>(),
                ["hash"] = "156772938.1827394",
                ["state"] = new JsonObject { ["values"] = values },
            },
            ["response_urls"] = new JsonArray(),
        };

    /// <summary>What an input of a modal starts with, as its state would hold it.</summary>
    private static string? Initial(JsonObject element, string type) => type switch
    {
        "datepicker" => element["initial_date"]?.GetValue<string>(),
        "timepicker" => element["initial_time"]?.GetValue<string>(),
        "static_select" => element["initial_option"]?["value"]?.GetValue<string>(),
        "multi_users_select" => element["initial_users"] is JsonArray users ? string.Join(',', users.Select(u => u!.GetValue<string>())) : null,
        _ => element["initial_value"]?.GetValue<string>(),
    };

    private static JsonObject Message(JsonObject inner, string? threadTs)
    {
        var ts = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Interlocked.Increment(ref next):D6}";
        inner["ts"] = ts;
        inner["event_ts"] = ts;
        inner["client_msg_id"] = Guid.NewGuid().ToString();
        inner["team"] = TeamId;
        inner["blocks"] = new JsonArray();
        if (threadTs is not null)
        {
            inner["thread_ts"] = threadTs;
        }

        return inner;
    }
}
