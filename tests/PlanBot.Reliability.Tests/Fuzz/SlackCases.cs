using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests.Fuzz;

/// <summary>
/// Bodies for Slack's three request URLs, all of which pass the signature check: Events API envelopes,
/// slash command forms and interactivity payloads, well-formed from a small cast and then broken in
/// every way the Teams cases are, plus form encodings that do not decode.
/// </summary>
public static class SlackCases
{
    private static readonly Gen<string> User = Gen.Frequency<string>(
        (6, Gen.OneOf(SlackPayloads.Owner, SlackPayloads.Approver, SlackPayloads.Developer)),
        (1, Gen.OneOf(SlackPayloads.BotUserId, "U0NOBODY", "USLACKBOT")),
        (1, FuzzValues.Token));

    private static readonly Gen<string> Channel = Gen.Frequency<string>(
        (6, Gen.OneOf(SlackPayloads.OwnerDm, SlackPayloads.ApproverDm, SlackPayloads.ReleaseChannel, "D0DEV")),
        (1, FuzzValues.Token));

    private static readonly Gen<string> Team = Gen.Frequency<string>((12, Gen.Const(SlackPayloads.TeamId)), (1, Gen.OneOf("T0OTHER", string.Empty, "t0planbot")));

    private static readonly Gen<string> App = Gen.Frequency<string>((12, Gen.Const(SlackPayloads.AppId)), (1, Gen.OneOf("A0OTHER", string.Empty)));

    private static readonly Gen<string> Ts = Gen.Frequency<string>(
        (4, Gen.Long[1_600_000_000_000_000, 1_800_000_000_000_000].Select(t => (t / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (t % 1_000_000).ToString("D6", CultureInfo.InvariantCulture))),
        (1, FuzzValues.Token));

    private static readonly Gen<JsonNode?> EventId = Gen.Frequency<JsonNode?>(
        (12, Gen.Long.Select(n => (JsonNode?)JsonValue.Create($"Ev{(ulong)n:X16}"))),
        (1, Gen.OneOf("Ev1", "Ev2", string.Empty, " ", "\t").Select(t => (JsonNode?)JsonValue.Create(t))),
        (1, FuzzValues.Scalar));

    private static readonly string[] EventPaths =
    [
        "type", "team_id", "api_app_id", "event_id", "event_time", "authorizations", "event", "event.type", "event.user", "event.text", "event.channel",
        "event.channel_type", "event.ts", "event.thread_ts", "event.subtype", "event.bot_id", "event.tokens", "event.blocks", "challenge", "enterprise_id",
    ];

    private static Gen<JsonObject> Inner => Gen.Select(
        Gen.Frequency<string>((10, Gen.OneOf("message", "app_mention")), (1, Gen.OneOf("app_home_opened", "reaction_added", "tokens_revoked")), (1, FuzzValues.Token)),
        Gen.Frequency<string>((6, Gen.Const("im")), (2, Gen.OneOf("channel", "group", "mpim")), (1, FuzzValues.Token)),
        User, FuzzValues.Text, Channel, Gen.Frequency<string?>((4, Gen.Bool.Select(_ => (string?)null)), (1, Ts.Select(t => (string?)t))), Ts,
        Gen.Frequency<string?>((12, Gen.Bool.Select(_ => (string?)null)), (1, Gen.OneOf<string?>("bot_message", "message_changed", "channel_join", "file_share", string.Empty))),
        (type, channelType, user, text, channel, thread, ts, subtype) =>
        {
            var inner = new JsonObject
            {
                ["type"] = type,
                ["channel_type"] = channelType,
                ["user"] = user,
                ["text"] = type == "app_mention" ? $"<@{SlackPayloads.BotUserId}> {text}" : text,
                ["channel"] = channel,
                ["ts"] = ts,
                ["event_ts"] = ts,
                ["team"] = SlackPayloads.TeamId,
                ["blocks"] = new JsonArray(),
            };
            if (thread is not null)
            {
                inner["thread_ts"] = thread;
            }

            if (subtype is not null)
            {
                inner["subtype"] = subtype;
            }

            if (type == "tokens_revoked")
            {
                inner["tokens"] = new JsonObject { ["oauth"] = new JsonArray(user), ["bot"] = new JsonArray() };
            }

            return inner;
        });

    private static Gen<JsonObject> Envelope => Gen.Select(Inner, EventId, Team, App,
        Gen.Frequency<string>((20, Gen.Const("event_callback")), (1, Gen.OneOf("url_verification", "app_rate_limited")), (1, FuzzValues.Token)),
        FuzzValues.Text, (inner, id, team, app, type, challenge) =>
        {
            var envelope = SlackPayloads.Envelope(inner, team: team, app: app);
            envelope["event_id"] = id;
            envelope["type"] = type;
            if (type == "url_verification")
            {
                envelope["challenge"] = challenge;
            }

            return envelope;
        });

    public static Gen<FuzzCase> Events => WithOddHeaders(EventBodies);

    private static Gen<FuzzCase> EventBodies => Gen.Frequency<FuzzCase>(
        (30, Envelope.Select(e => FuzzCase.Of("well-formed " + e["type"], e.ToJsonString()))),
        (18, Gen.Select(Envelope, Gen.OneOf(EventPaths).Array[1, 3], FuzzValues.Any(3).Array[3, 3], (envelope, paths, values) =>
        {
            for (var i = 0; i < paths.Length; i++)
            {
                Json.Set(envelope, paths[i], values[i]);
            }

            return FuzzCase.Of($"wrong type at {string.Join(",", paths)}", envelope.ToJsonString());
        })),
        (10, Gen.Select(Envelope, Gen.OneOf(EventPaths).Array[1, 4], (envelope, paths) =>
        {
            foreach (var path in paths)
            {
                Json.Remove(envelope, path);
            }

            return FuzzCase.Of($"missing {string.Join(",", paths)}", envelope.ToJsonString());
        })),
        (5, Gen.Select(Envelope, Gen.OneOf(64, 65, 200, 1000), Gen.Bool, Gen.OneOf("event", "authorizations", "root"), (envelope, levels, objects, where) =>
            where == "root"
                ? FuzzCase.Of($"nested {levels} deep as the body", FuzzValues.Deep(levels, objects))
                : FuzzCase.Of($"nested {levels} deep in {where}", Json.Splice(envelope, where, FuzzValues.Deep(levels, objects))))),
        (3, Gen.Select(Envelope, Gen.Int[200_000, 1_100_000], (envelope, size) =>
        {
            envelope["event"]!["text"] = new string('a', size);
            return FuzzCase.Of($"{size / 1024} KB text", envelope.ToJsonString());
        })),
        (10, FuzzValues.Broken(Envelope.Select(e => e.ToJsonString()), "application/json")));

    private static readonly string[] CommandKeys = ["token", "team_id", "team_domain", "channel_id", "channel_name", "user_id", "user_name", "command", "text", "api_app_id", "is_enterprise_install", "response_url", "trigger_id", "enterprise_id"];

    private static Gen<Dictionary<string, string>> CommandFields => Gen.Select(FuzzValues.Text, User, Channel, Team, App,
        Gen.Frequency<string>((10, Gen.Const("/plan")), (1, FuzzValues.Token)), Gen.OneOf("directmessage", "releases", string.Empty),
        (text, user, channel, team, app, command, channelName) =>
        {
            var fields = SlackPayloads.Command(text, user, channel, channelName);
            fields["team_id"] = team;
            fields["api_app_id"] = app;
            fields["command"] = command;
            return fields;
        });

    public static Gen<FuzzCase> Commands => WithOddHeaders(CommandBodies);

    private static Gen<FuzzCase> CommandBodies => Gen.Frequency<FuzzCase>(
        (30, CommandFields.Select(f => Form("well-formed command", f))),
        (15, Gen.Select(CommandFields, Gen.OneOf(CommandKeys).Array[1, 3], FuzzValues.Text.Array[3, 3], (fields, keys, values) =>
        {
            for (var i = 0; i < keys.Length; i++)
            {
                fields[keys[i]] = values[i];
            }

            return Form($"odd {string.Join(",", keys)}", fields);
        })),
        (10, Gen.Select(CommandFields, Gen.OneOf(CommandKeys).Array[1, 5], (fields, keys) =>
        {
            foreach (var key in keys)
            {
                fields.Remove(key);
            }

            return Form($"missing {string.Join(",", keys)}", fields);
        })),
        (8, Gen.Select(CommandFields, Gen.OneOf("%", "%Z", "%ZZ", "%C3%28", "%FF", "%ED%A0%80", "&&&", "==", "=&=", "+", "%00", "text", "text=%", ";"), Gen.Double[0, 1], (fields, junk, at) =>
        {
            var body = SlackClient.Form(fields);
            var index = (int)(body.Length * at);
            return FuzzCase.Of("form that does not decode", body[..index] + junk + body[index..], "application/x-www-form-urlencoded");
        })),
        (3, Gen.Select(CommandFields, Gen.Int[200_000, 1_100_000], (fields, size) =>
        {
            fields["text"] = new string('a', size);
            return Form($"{size / 1024} KB text", fields);
        })),
        (6, FuzzValues.Broken(CommandFields.Select(SlackClient.Form), "application/x-www-form-urlencoded")));

    private static Gen<JsonObject> Payload => Gen.Select(
        Gen.Frequency<string>((10, Gen.OneOf("block_actions", "view_submission")), (1, Gen.OneOf("view_closed", "shortcut", "message_action", "block_suggestion")), (1, FuzzValues.Token)),
        User, Channel, Ts,
        Gen.Frequency<string>((6, Gen.OneOf("skip", "answer_form", "approve", "reject", "answer")), (1, FuzzValues.Token)),
        Gen.Frequency<string>((4, Gen.Select(FuzzValues.Token, Gen.Int[-2, 40], FuzzValues.Token, (plan, revision, question) =>
            new JsonObject { ["planId"] = plan, ["revision"] = revision, ["questionId"] = question }.ToJsonString())), (2, FuzzValues.Text)),
        Gen.Frequency<string>((4, Gen.Select(Channel, Ts, FuzzValues.Token, (channel, ts, plan) =>
            new JsonObject { ["conversation"] = $"{channel}:{ts}", ["planId"] = plan, ["revision"] = "3", ["questionId"] = "risks", ["channelName"] = "releases" }.ToJsonString())), (2, FuzzValues.Text)),
        FuzzValues.Text,
        (type, user, channel, ts, action, value, metadata, input) =>
        {
            var payload = SlackPayloads.BlockAction(action, value, user, channel, "releases", ts);
            payload["type"] = type;
            if (type != "block_actions")
            {
                payload["view"] = new JsonObject
                {
                    ["id"] = "V0MODAL",
                    ["type"] = "modal",
                    ["callback_id"] = action,
                    ["private_metadata"] = metadata,
                    ["state"] = new JsonObject
                    {
                        ["values"] = new JsonObject
                        {
                            ["reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = input } },
                            ["answer"] = new JsonObject { ["answer"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = input } },
                        },
                    },
                };
            }

            return payload;
        });

    private static readonly string[] PayloadPaths =
    [
        "type", "user", "user.id", "user.team_id", "team", "team.id", "api_app_id", "trigger_id", "container", "container.channel_id", "channel", "channel.id",
        "message", "message.ts", "actions", "view", "view.callback_id", "view.private_metadata", "view.state", "view.state.values", "state", "enterprise",
    ];

    public static Gen<FuzzCase> Interactions => WithOddHeaders(InteractionBodies);

    private static Gen<FuzzCase> InteractionBodies => Gen.Frequency<FuzzCase>(
        (30, Payload.Select(p => Interaction("well-formed " + p["type"], p.ToJsonString()))),
        (15, Gen.Select(Payload, Gen.OneOf(PayloadPaths).Array[1, 3], FuzzValues.Any(3).Array[3, 3], (payload, paths, values) =>
        {
            for (var i = 0; i < paths.Length; i++)
            {
                Json.Set(payload, paths[i], values[i]);
            }

            return Interaction($"wrong type at {string.Join(",", paths)}", payload.ToJsonString());
        })),
        (8, Gen.Select(Payload, Gen.OneOf(PayloadPaths).Array[1, 4], (payload, paths) =>
        {
            foreach (var path in paths)
            {
                Json.Remove(payload, path);
            }

            return Interaction($"missing {string.Join(",", paths)}", payload.ToJsonString());
        })),
        (4, Gen.Select(Payload, Gen.OneOf(64, 65, 200, 1000), Gen.Bool, (payload, levels, objects) =>
            Interaction($"nested {levels} deep", Json.Splice(payload, "actions", FuzzValues.Deep(levels, objects))))),
        (8, FuzzValues.Broken(Payload.Select(p => p.ToJsonString()), "application/json")
            .Select(broken => FuzzCase.Of(broken.Kind + " payload", "payload=" + Uri.EscapeDataString(System.Text.Encoding.UTF8.GetString(broken.Body)), "application/x-www-form-urlencoded"))),
        (4, Gen.Select(Payload, Gen.OneOf("payload=", "payload", "payload=%", "payload=%ZZ", "payload=%7B", "type=block_actions", "payload=%7B%7D&payload=%7B%7D", "payload=null", "payload=%5B%5D", "payload=%22x%22"), (payload, form) =>
            FuzzCase.Of("odd form", form, "application/x-www-form-urlencoded"))),
        (4, FuzzValues.Broken(Payload.Select(p => "payload=" + Uri.EscapeDataString(p.ToJsonString())), "application/x-www-form-urlencoded")));

    /// <summary>
    /// Timestamps a signature can be made over that are not a time Slack would send: past the year
    /// 9999, negative, beyond a long, not digits (the body is signed at them, so only the timestamp is wrong).
    /// </summary>
    private static readonly Gen<string> OddTimestamp = Gen.OneOf(
        "253402300800", "999999999999", "9999999999999", "9223372036854775807", "99999999999999999999", "-1", "0", "", " ", "+1700000000",
        " 1700000000", "1700000000 ", "1e10", "0x65", "١٧٠٠٠٠٠٠٠٠", "1700000000.5", "NaN");

    private static readonly Gen<string> OddRetryNum = Gen.Frequency<string>(
        (2, Gen.OneOf("1", "2", "3")),
        (1, Gen.OneOf("0", "-1", "4", "99999999999", "1.5", string.Empty, " ")),
        (1, FuzzValues.Token));

    /// <summary>Most cases as Slack would send them; some with an odd timestamp, some with odd retry headers.</summary>
    private static Gen<FuzzCase> WithOddHeaders(Gen<FuzzCase> cases) => Gen.Frequency<FuzzCase>(
        (12, cases),
        (1, Gen.Select(cases, OddTimestamp, (c, ts) => c with { Kind = "odd header X-Slack-Request-Timestamp", Timestamp = ts })),
        (1, Gen.Select(cases, OddRetryNum, FuzzValues.Token, (c, number, reason) => c with
        {
            Kind = "odd header X-Slack-Retry-Num",
            Headers = new Dictionary<string, string> { ["X-Slack-Retry-Num"] = number, ["X-Slack-Retry-Reason"] = reason },
        })));

    private static FuzzCase Form(string kind, IDictionary<string, string> fields) => FuzzCase.Of(kind, SlackClient.Form(fields), "application/x-www-form-urlencoded");

    private static FuzzCase Interaction(string kind, string json) =>
        FuzzCase.Of(kind, SlackClient.Form(new Dictionary<string, string> { ["payload"] = json }), "application/x-www-form-urlencoded");
}

/// <summary>Edits of JSON objects by dotted path, for the generators.</summary>
public static class Json
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    public static void Remove(JsonObject root, string path)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                return;
            }

            node = child;
        }

        node.Remove(parts[^1]);
    }

    /// <summary>The object's JSON with <paramref name="property"/> replaced by raw JSON text.</summary>
    public static string Splice(JsonObject root, string property, string rawJson)
    {
        ArgumentNullException.ThrowIfNull(root);
        root[property] = "§SPLICE§";
        return root.ToJsonString().Replace("\"§SPLICE§\"", rawJson, StringComparison.Ordinal);
    }
}
