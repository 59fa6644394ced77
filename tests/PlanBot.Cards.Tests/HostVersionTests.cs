using System.Text.Json;
using System.Text.Json.Nodes;
using PlanBot.Cards.Tests.Support;

namespace PlanBot.Cards.Tests;

/// <summary>
/// Teams mobile renders Adaptive Cards up to 1.2. Every element and action a card uses is 1.2 or
/// older, except those with a fallback a 1.2 host understands; properties newer than 1.2 are only
/// those an older host can ignore without losing what the card says.
/// </summary>
public sealed class HostVersionTests
{
    // The version each element or action type appeared in (schema explorer; the schema says the same where it says anything).
    private static readonly Dictionary<string, decimal> TypeVersions = new()
    {
        ["AdaptiveCard"] = 1.0m,
        ["TextBlock"] = 1.0m,
        ["FactSet"] = 1.0m,
        ["Container"] = 1.0m,
        ["ColumnSet"] = 1.0m,
        ["Column"] = 1.0m,
        ["Input.Text"] = 1.0m,
        ["Input.Date"] = 1.0m,
        ["Input.Time"] = 1.0m,
        ["Input.Toggle"] = 1.0m,
        ["Input.ChoiceSet"] = 1.0m,
        ["Action.Submit"] = 1.0m,
        ["Action.ShowCard"] = 1.0m,
        ["Action.OpenUrl"] = 1.0m,
        ["ActionSet"] = 1.2m,
        ["Action.Execute"] = 1.4m,
    };

    // Newer properties the cards use, and why a 1.2 host loses nothing by ignoring them.
    private static readonly Dictionary<string, string> IgnorableNewerProperties = new()
    {
        ["label"] = "1.3: the question or the text above each input says what it is for",
        ["isRequired"] = "1.3: the bot checks every answer again and says what is missing",
        ["errorMessage"] = "1.3: as isRequired",
        ["associatedInputs"] = "1.3: older hosts send every input, which the bot ignores where it needs none",
        ["style"] = "1.5 heading: a heading also sets its size and weight",
        ["refresh"] = "1.4: older hosts show the card everyone gets",
        ["fallback"] = "1.2: read by 1.2 hosts, ignored before",
    };

    public static IEnumerable<object[]> Names => SampleCards.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Nothing_needs_more_than_1_2_without_a_fallback(string name)
    {
        var card = CardJson.Parse(SampleCards.Named(name).Json);

        foreach (var (path, node) in CardJson.Typed(card))
        {
            if (path.StartsWith("$.msteams", StringComparison.Ordinal) || path.StartsWith("$.refresh", StringComparison.Ordinal)
                || path.EndsWith(".choices.data", StringComparison.Ordinal))
            {
                // Teams' mention entities are not card elements; refresh is a 1.4 property older hosts ignore
                // whole; the people picker's query is Teams' own, and a host without it shows the choices given.
                continue;
            }

            var type = CardJson.TypeOf(node);
            Assert.True(TypeVersions.TryGetValue(type, out var version), $"{name} {path}: unexpected type {type}");
            if (version > 1.2m)
            {
                var fallback = node["fallback"] as JsonObject;
                Assert.True(fallback is not null, $"{name} {path}: {type} ({version}) has no fallback");
                Assert.True(TypeVersions[CardJson.TypeOf(fallback)] <= 1.2m, $"{name} {path}: the fallback of {type} needs more than 1.2");
            }
        }
    }

    [Fact]
    public void Summaries_use_FactSets_not_Tables()
    {
        var types = SampleCards.All.SelectMany(c => CardJson.Typed(CardJson.Parse(c.Card.Json))).Select(t => CardJson.TypeOf(t.Node)).ToHashSet();

        Assert.DoesNotContain("Table", types);
        Assert.Contains("FactSet", types);
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Properties_newer_than_1_2_are_only_ones_older_hosts_can_ignore(string name)
    {
        Skip.If(CardSchema.Path is null, CardSchema.SkipReason);
        var versions = PropertyVersions();
        var card = CardJson.Parse(SampleCards.Named(name).Json);

        foreach (var (path, node) in CardJson.Typed(card).Where(t => !t.Path.StartsWith("$.msteams", StringComparison.Ordinal)))
        {
            foreach (var (property, _) in node)
            {
                if (versions.TryGetValue((CardJson.TypeOf(node), property), out var version) && version > 1.2m)
                {
                    Assert.True(IgnorableNewerProperties.ContainsKey(property), $"{name} {path}: {property} needs {version}");
                }
            }
        }
    }

    /// <summary>The version of each property of each type, as the official schema records it (inherited ones included).</summary>
    private static Dictionary<(string Type, string Property), decimal> PropertyVersions()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(CardSchema.Path!));
        var definitions = schema.RootElement.GetProperty("definitions");
        var versions = new Dictionary<(string, string), decimal>();
        foreach (var type in TypeVersions.Keys)
        {
            foreach (var definition in DefinitionChain(definitions, type))
            {
                foreach (var property in definition.TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : [])
                {
                    if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("version", out var version))
                    {
                        versions.TryAdd((type, property.Name), decimal.Parse(version.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        return versions;
    }

    private static IEnumerable<JsonElement> DefinitionChain(JsonElement definitions, string name)
    {
        if (!definitions.TryGetProperty(name, out var definition))
        {
            yield break;
        }

        yield return definition;
        foreach (var part in definition.TryGetProperty("allOf", out var allOf) ? allOf.EnumerateArray() : [])
        {
            if (part.TryGetProperty("$ref", out var reference))
            {
                foreach (var inherited in DefinitionChain(definitions, reference.GetString()!["#/definitions/".Length..]))
                {
                    yield return inherited;
                }
            }
        }
    }
}
