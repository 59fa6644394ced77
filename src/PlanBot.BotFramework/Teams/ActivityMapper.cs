using System.Text.Json;
using PlanBot.BotFramework.Schema;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.BotFramework.Teams;

/// <summary>
/// Turns a Bot Framework activity into a channel-neutral turn: the tenant qualified by channel, the
/// bot's own @mention removed from the text, other mentions read from the entities, the sender's
/// time zone from <c>clientInfo</c>. Activities PlanBot does not act on map to null.
/// </summary>
public static class ActivityMapper
{
    public static Turn? ToTurn(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = Conversation(activity);
        var from = Person(activity.From);
        switch (activity.Type)
        {
            case "message":
                var (text, mentions) = ReadText(activity);
                var action = ReadSubmit(activity.Value);
                return new Turn(
                    action is null ? TurnKind.Message : TurnKind.Action,
                    ActivityId(activity),
                    conversation,
                    from,
                    text,
                    mentions,
                    TimeZone(activity),
                    action);
            case "conversationUpdate" when Includes(activity.MembersAdded, activity.Recipient):
                return new Turn(TurnKind.Installed, ActivityId(activity), conversation, from, string.Empty, [], TimeZone(activity));
            case "conversationUpdate" when Includes(activity.MembersRemoved, activity.Recipient):
                return new Turn(TurnKind.Removed, ActivityId(activity), conversation, from, string.Empty, []);
            case "installationUpdate" when activity.Action is "add" or "add-upgrade" or "remove" or "remove-upgrade":
                var kind = activity.Action.StartsWith("add", StringComparison.Ordinal) ? TurnKind.AppInstalled : TurnKind.Removed;
                return new Turn(kind, ActivityId(activity), conversation, from, string.Empty, []);
            case "invoke" when activity.Name == "adaptiveCard/action":
                // Teams shows the invoke's answer in place of the pressed card: it is not sent again as a message.
                return new Turn(TurnKind.Action, ActivityId(activity), conversation, from, string.Empty, [], TimeZone(activity), ReadExecute(activity.Value), ReplacesCard: true);
            default:
                return null;
        }
    }

    /// <summary>The tenant a Teams activity belongs to, qualified by channel.</summary>
    public static string Tenant(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = ReadString(activity.ChannelData, "tenant", "id") ?? activity.Conversation?.TenantId ?? "default";
        return $"{activity.ChannelId ?? "unknown"}:{tenant}";
    }

    private static ConversationRef Conversation(Activity activity)
    {
        var kind = activity.Conversation?.ConversationType switch
        {
            "channel" => ConversationKind.Channel,
            "groupChat" => ConversationKind.Group,
            _ when activity.Conversation?.IsGroup == true => ConversationKind.Group,
            _ => ConversationKind.Personal,
        };
        var id = activity.Conversation!.Id!;
        var (channel, messageId) = TeamsConversationId.Parse(id);
        return new ConversationRef(
            activity.ChannelId!,
            Tenant(activity),
            id,
            kind,
            activity.ServiceUrl,
            ReadString(activity.ChannelData, "team", "id"),
            activity.Recipient?.Id,
            messageId is null ? null : new ConversationThread(channel, messageId));
    }

    private static PersonRef Person(ChannelAccount? account) =>
        new(account?.Id ?? string.Empty, account?.Name ?? string.Empty, account?.AadObjectId);

    private static string ActivityId(Activity activity) =>
        string.IsNullOrEmpty(activity.Id) ? Guid.NewGuid().ToString("N") : activity.Id;

    private static (string Text, IReadOnlyList<Mention> Mentions) ReadText(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        var mentions = new List<Mention>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind != JsonValueKind.Object || ReadString(entity, "type") != "mention")
            {
                continue;
            }

            var markup = ReadString(entity, "text");
            var id = ReadString(entity, "mentioned", "id");
            if (id is null)
            {
                continue;
            }

            if (id == activity.Recipient?.Id)
            {
                // The bot's own mention addresses the message; it is not part of what was said.
                if (markup is not null)
                {
                    text = text.Replace(markup, string.Empty, StringComparison.Ordinal);
                }

                continue;
            }

            var name = ReadString(entity, "mentioned", "name") ?? string.Empty;
            mentions.Add(new Mention(markup ?? $"<at>{name}</at>", new PersonRef(id, name)));
        }

        return (text.Replace("&nbsp;", " ", StringComparison.Ordinal).Trim(), mentions);
    }

    private static bool Includes(List<ChannelAccount>? members, ChannelAccount? bot) =>
        bot?.Id is { } id && members?.Exists(m => m.Id == id) == true;

    /// <summary>An Action.Execute arrives as an invoke: <c>value.action</c> has the verb, and the data merged with inputs.</summary>
    public static TurnAction? ReadExecute(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } invoke
            || !invoke.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object
            || ReadString(action, "type") != "Action.Execute"
            || ReadString(action, "verb") is not { } verb)
        {
            return null;
        }

        var fields = action.TryGetProperty("data", out var data) ? Flatten(data) : new Dictionary<string, string>(StringComparer.Ordinal);
        return CardActions.Read(verb, fields);
    }

    /// <summary>An Action.Submit arrives as a message whose value carries the card's data (its verb among it) and inputs.</summary>
    private static TurnAction? ReadSubmit(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        var fields = Flatten(data);
        return fields.TryGetValue(CardDataKeys.Verb, out var verb) ? CardActions.Read(verb, fields) : null;
    }

    /// <summary>The card data's top-level scalar fields as text; nested objects are not PlanBot's and are dropped.</summary>
    private static Dictionary<string, string> Flatten(JsonElement data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var property in data.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                fields[property.Name] = property.Value.ToString();
            }
        }

        return fields;
    }

    private static string? TimeZone(Activity activity)
    {
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object && ReadString(entity, "type") == "clientInfo" && ReadString(entity, "timezone") is { } zone)
            {
                return zone;
            }
        }

        return activity.LocalTimezone;
    }

    private static string? ReadString(JsonElement? element, params string[] path)
    {
        if (element is not { } current)
        {
            return null;
        }

        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
    }
}
