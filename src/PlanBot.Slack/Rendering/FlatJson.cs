using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// The compact, flat JSON objects PlanBot puts in button values and modal <c>private_metadata</c>,
/// such as <c>{"planId":"…","revision":3}</c>, and their reading back into card data.
/// </summary>
public static class FlatJson
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false };

    /// <summary>Writes the pairs in order; <see cref="int"/> values as numbers, the rest as strings, nulls left out.</summary>
    public static string Write(params (string Name, object? Value)[] pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in pairs)
            {
                switch (value)
                {
                    case null:
                        break;
                    case int number:
                        writer.WriteNumber(name, number);
                        break;
                    case bool flag:
                        writer.WriteBoolean(name, flag);
                        break;
                    default:
                        writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads a flat JSON object's strings, numbers and booleans as strings. Anything else (not JSON,
    /// not an object) gives an empty dictionary: a value is data, never trusted to be well-formed.
    /// </summary>
    public static Dictionary<string, string> Read(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return fields;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        fields[property.Name] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.Number:
                        fields[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        fields[property.Name] = property.Value.GetBoolean() ? "true" : "false";
                        break;
                }
            }
        }
        catch (JsonException)
        {
            fields.Clear();
        }

        return fields;
    }
}
