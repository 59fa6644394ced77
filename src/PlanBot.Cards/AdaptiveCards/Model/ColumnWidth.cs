using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>A column's width: <c>"auto"</c>, <c>"stretch"</c>, a relative weight (a number) or pixels (<c>"40px"</c>).</summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public sealed record ColumnWidth
{
    private ColumnWidth(string? text, int weight)
    {
        Text = text;
        Weight = weight;
    }

    public static ColumnWidth Auto { get; } = new("auto", 0);

    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    /// <summary>"auto", "stretch" or "Npx"; null when the width is a weight.</summary>
    public string? Text { get; }

    public int Weight { get; }

    public static ColumnWidth Relative(int weight) =>
        weight > 0 ? new(null, weight) : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A column weight is positive.");

    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new(string.Create(CultureInfo.InvariantCulture, $"{pixels}px"), 0) : throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "A column width in pixels is positive.");
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are only written.");

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(value.Weight);
        }
    }
}
