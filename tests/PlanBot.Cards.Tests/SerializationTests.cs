using PlanBot.Cards.Actions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Cards.Tests.Support;

namespace PlanBot.Cards.Tests;

/// <summary>The model writes exactly the schema's names and spellings, and nothing it was not given.</summary>
public sealed class SerializationTests
{
    private static readonly Type[] Enums = typeof(AdaptiveCard).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.Namespace == typeof(AdaptiveCard).Namespace)
        .ToArray();

    // Which schema definition lists each enum's values (Teams' width is not in the schema).
    private static readonly Dictionary<Type, string> SchemaDefinition = new()
    {
        [typeof(TextSize)] = "FontSize",
        [typeof(TextWeight)] = "FontWeight",
        [typeof(TextColor)] = "Colors",
        [typeof(TextBlockStyle)] = "TextBlockStyle",
        [typeof(ContainerStyle)] = "ContainerStyle",
        [typeof(Spacing)] = "Spacing",
        [typeof(ChoiceInputStyle)] = "ChoiceInputStyle",
        [typeof(AssociatedInputs)] = "AssociatedInputs",
        [typeof(TextInputStyle)] = "TextInputStyle",
    };

    [Theory]
    [InlineData(TextSize.Default, "default")]
    [InlineData(TextSize.Medium, "medium")]
    [InlineData(TextSize.ExtraLarge, "extraLarge")]
    [InlineData(TextWeight.Bolder, "bolder")]
    [InlineData(TextColor.Attention, "attention")]
    [InlineData(TextBlockStyle.Heading, "heading")]
    [InlineData(ContainerStyle.Emphasis, "emphasis")]
    [InlineData(Spacing.None, "none")]
    [InlineData(Spacing.ExtraLarge, "extraLarge")]
    [InlineData(ChoiceInputStyle.Compact, "compact")]
    [InlineData(AssociatedInputs.Auto, "auto")]
    [InlineData(AssociatedInputs.None, "none")]
    [InlineData(TeamsCardWidth.Full, "Full")]
    public void Enum_values_are_written_with_their_schema_spelling(object value, string expected)
    {
        var card = value switch
        {
            TextSize size => Card(new TextBlock { Text = "x", Size = size }),
            TextWeight weight => Card(new TextBlock { Text = "x", Weight = weight }),
            TextColor color => Card(new TextBlock { Text = "x", Color = color }),
            TextBlockStyle style => Card(new TextBlock { Text = "x", Style = style }),
            ContainerStyle style => Card(new Container { Items = [], Style = style }),
            Spacing spacing => Card(new TextBlock { Text = "x", Spacing = spacing }),
            ChoiceInputStyle style => Card(new InputChoiceSet { Id = "c", Choices = [], Style = style }),
            AssociatedInputs inputs => new AdaptiveCard { Actions = [new SubmitAction { Title = "Go", AssociatedInputs = inputs }] },
            TeamsCardWidth width => new AdaptiveCard { MsTeams = new TeamsCardProperties { Width = width } },
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };

        Assert.Contains($"\":\"{expected}\"", AdaptiveCardSerializer.Serialize(card).Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_enum_member_is_spelled_explicitly_and_written_that_way()
    {
        Assert.NotEmpty(Enums);
        foreach (var type in Enums)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name;
                Assert.False(name is null, $"{type.Name}.{field.Name} has no [JsonStringEnumMemberName].");
                Assert.Equal($"\"{name}\"", WriteEnum(type, field.GetValue(null)!));
            }
        }
    }

    [SkippableFact]
    public void Every_enum_spelling_is_one_the_schema_lists()
    {
        Skip.If(CardSchema.Path is null, CardSchema.SkipReason);
        using var schema = JsonDocument.Parse(File.ReadAllText(CardSchema.Path!));
        var definitions = schema.RootElement.GetProperty("definitions");
        Assert.Equal(Enums.Where(t => t != typeof(TeamsCardWidth)).Select(t => t.Name).Order(StringComparer.Ordinal), SchemaDefinition.Keys.Select(t => t.Name).Order(StringComparer.Ordinal));

        foreach (var (type, definition) in SchemaDefinition)
        {
            var allowed = definitions.GetProperty(definition).GetProperty("anyOf")[0].GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()!.Name;
                Assert.True(allowed.Contains(name, StringComparer.OrdinalIgnoreCase), $"{type.Name}.{field.Name} is written \"{name}\"; {definition} allows {string.Join(", ", allowed)}.");
            }
        }
    }

    [Fact]
    public void Button_data_is_written_under_the_published_keys()
    {
        var card = new AdaptiveCard { Actions = [new SubmitAction { Title = "Go", Data = new ActionData { Verb = "v", PlanId = "p", QuestionId = "q", Revision = 7 } }] };

        var data = CardJson.Parse(AdaptiveCardSerializer.Serialize(card).Json)["actions"]![0]!["data"]!.AsObject();

        Assert.Equal([CardDataKeys.Verb, CardDataKeys.PlanId, CardDataKeys.QuestionId, CardDataKeys.Revision], data.Select(p => p.Key));
        Assert.Equal(7, data[CardDataKeys.Revision]!.GetValue<int>());
    }

    [Fact]
    public void Nulls_are_left_out()
    {
        var json = AdaptiveCardSerializer.Serialize(Card(new TextBlock { Text = "Scope" })).Json;

        Assert.Equal("""{"type":"AdaptiveCard","version":"1.5","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"TextBlock","text":"Scope"}]}""", json);
    }

    [Fact]
    public void Each_element_and_action_is_written_under_its_schema_type()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock { Text = "t" },
                new FactSet { Facts = [new Fact("a", "b")] },
                new Container { Items = [], Bleed = true },
                new ColumnSet { Columns = [new Column { Items = [], Width = ColumnWidth.Auto }, new Column { Items = [], Width = ColumnWidth.Relative(2) }, new Column { Items = [], Width = ColumnWidth.Pixels(40) }] },
                new ActionSet { Actions = [new OpenUrlAction { Title = "Docs", Url = new Uri("https://contoso.example/docs") }] },
                new InputText { Id = "a" },
                new InputDate { Id = "b", Min = new DateOnly(2027, 3, 1), Value = new DateOnly(2027, 3, 15) },
                new InputChoiceSet { Id = "c", Choices = [new Choice("Yes", "yes")], IsMultiSelect = false },
            ],
            Actions =
            [
                new SubmitAction { Title = "s" },
                new ExecuteAction { Title = "e", Verb = "v", Fallback = new SubmitAction { Title = "s" } },
                new ShowCardAction { Title = "more", Card = AdaptiveCard.Nested([new TextBlock { Text = "n" }]) },
            ],
        };

        var json = AdaptiveCardSerializer.Serialize(card).Json;

        Assert.Equal(
            ["AdaptiveCard", "TextBlock", "FactSet", "Container", "ColumnSet", "Column", "Column", "Column", "ActionSet", "Action.OpenUrl", "Input.Text", "Input.Date", "Input.ChoiceSet", "Action.Submit", "Action.Execute", "Action.Submit", "Action.ShowCard", "AdaptiveCard", "TextBlock"],
            CardJson.Typed(CardJson.Parse(json)).Select(t => CardJson.TypeOf(t.Node)));
        Assert.Contains("""{"type":"ColumnSet","columns":[{"type":"Column","items":[],"width":"auto"},{"type":"Column","items":[],"width":2},{"type":"Column","items":[],"width":"40px"}]}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Input.Date","id":"b","min":"2027-03-01","value":"2027-03-15"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Action.ShowCard","title":"more","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"n"}]}}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_written_as_it_is_without_six_character_escapes()
    {
        var json = AdaptiveCardSerializer.Serialize(Card(new TextBlock { Text = "&lt;at&gt; · ✅ \"q\"" })).Json;

        Assert.Contains("""
            "text":"&lt;at&gt; · ✅ \"q\""
            """, json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_is_counted_in_UTF16_bytes()
    {
        var serialized = AdaptiveCardSerializer.Serialize(Card(new TextBlock { Text = "🚀" }));

        Assert.Equal(serialized.Json.Length * 2, serialized.Utf16Bytes);
        Assert.True(serialized.WithinBudget && serialized.WithinHardLimit);
    }

    private static AdaptiveCard Card(CardElement element) => new() { Body = [element] };

    // Through the converter the enum type itself names, as the source-generated context uses it.
    private static string WriteEnum(Type type, object value) => JsonSerializer.Serialize(value, type);
}
