using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PlanBot.Infrastructure.Tests;

/// <summary>A resource of the compiled template, with the (nested) template and module deployment that declare it.</summary>
public sealed record ArmResource(JsonObject Resource, JsonObject Template, JsonObject? Deployment)
{
    public string Type => (string)Resource["type"]!;

    public JsonObject Properties => Resource["properties"]?.AsObject() ?? [];

    /// <summary>A string with the declaring template's <c>variables('…')</c> replaced by their values.</summary>
    public string Expand(JsonNode? node) => node is null ? "" : ArmTemplate.ExpandVariables(node.ToString(), Template);

    /// <summary>
    /// The expression the module deployment passes for one of the declaring template's parameters:
    /// <c>{"value": …}</c>, or one expression that yields that object when the value is conditional.
    /// </summary>
    public string? ModuleParameter(string name) => Deployment?["properties"]?["parameters"]?[name] switch
    {
        JsonObject parameter => parameter["value"]?.ToString(),
        JsonValue expression => expression.ToString(),
        _ => null,
    };
}

/// <summary>The ARM JSON that bicep build makes of infra/main.bicep, with the modules' resources flattened.</summary>
public sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject root)
    {
        Root = root;
        var resources = new List<ArmResource>();
        Collect(root, null, resources);
        Resources = resources;
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json) => new(JsonNode.Parse(json)!.AsObject());

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource One(string type)
    {
        var found = OfType(type).ToList();
        Assert.True(found.Count == 1, $"expected one {type}, found {found.Count}");
        return found[0];
    }

    /// <summary>The module deployment with this name (the <c>name</c> given to the module in main.bicep).</summary>
    public JsonObject Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(d => (string?)d.Resource["name"] == name).Resource;

    /// <summary>
    /// True when the expression reads the principal id output of the module that declares the
    /// user-assigned identity, e.g. <c>[reference(resourceId('Microsoft.Resources/deployments', 'm'), '…').outputs.principalId.value]</c>.
    /// </summary>
    public bool IsIdentityPrincipal(string? expression)
    {
        var match = ModuleOutputPattern().Match(expression ?? "");
        if (!match.Success)
        {
            return false;
        }

        var module = Module(match.Groups["module"].Value);
        var output = module["properties"]?["template"]?["outputs"]?[match.Groups["output"].Value]?["value"]?.ToString() ?? "";
        return output.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal)
            && output.EndsWith(".principalId]", StringComparison.Ordinal);
    }

    /// <summary>
    /// Replaces <c>variables('x')</c> by the variable's value, for reading (not evaluating): a string
    /// becomes <c>'text'</c>, an expression its body; arrays and objects stay as they are.
    /// </summary>
    internal static string ExpandVariables(string expression, JsonObject template)
    {
        if (template["variables"] is not JsonObject variables)
        {
            return expression;
        }

        return VariablePattern().Replace(expression, m =>
        {
            if (variables[m.Groups["name"].Value] is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                return m.Value;
            }

            return text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : $"'{text}'";
        });
    }

    private static void Collect(JsonObject template, JsonObject? deployment, List<ArmResource> into)
    {
        // languageVersion 1.0 lists resources; 2.0 maps symbolic names to them.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(p => p.Value),
            _ => [],
        };
        foreach (var resource in resources.OfType<JsonObject>())
        {
            into.Add(new ArmResource(resource, template, deployment));
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, resource, into);
            }
        }
    }

    [GeneratedRegex(@"variables\('(?<name>[^']+)'\)")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^\[reference\(resourceId\('Microsoft\.Resources/deployments', '(?<module>[^']+)'\)(, '[^']*')?\)\.outputs\.(?<output>\w+)\.value\]$")]
    private static partial Regex ModuleOutputPattern();
}
