using System.Text.Json.Serialization;

namespace PlanBot.BotFramework.Teams;

[JsonSerializable(typeof(Dictionary<string, Dictionary<string, string>>))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
