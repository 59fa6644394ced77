using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanBot.Slack.SocketMode;

/// <summary>The acknowledgement of an envelope: exactly <c>{"envelope_id":"…"}</c>, with a <c>payload</c> only when there is one.</summary>
public static class SocketAcknowledgement
{
    public static byte[] Write(string envelopeId, JsonObject? payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(envelopeId);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("envelope_id", envelopeId);
            if (payload is not null)
            {
                writer.WritePropertyName("payload");
                payload.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static string Text(string envelopeId, JsonObject? payload) => Encoding.UTF8.GetString(Write(envelopeId, payload));
}
