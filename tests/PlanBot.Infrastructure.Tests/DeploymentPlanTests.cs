namespace PlanBot.Infrastructure.Tests;

/// <summary>docs/DEPLOYMENT.md has the shape of an OpenUP Deployment Plan (docs DOMAIN.md), plus a backout procedure.</summary>
public sealed class DeploymentPlanTests
{
    private static readonly string[] Sections =
    [
        "Scope and overview",
        "Timing and dependencies",
        "Risks and issues",
        "Impacted organisation",
        "Approvers",
        "Delivery team",
        "Transition approach",
        "Success criteria",
    ];

    private static string[] Headings() => File.ReadAllLines(BicepTool.PathOf("docs", "DEPLOYMENT.md"))
        .Where(l => l.StartsWith("## ", StringComparison.Ordinal))
        .Select(l => l[3..].Trim())
        .ToArray();

    [Fact]
    public void Plan_has_the_eight_sections_in_order()
    {
        var numbered = Headings().Where(h => h.Length > 0 && char.IsDigit(h[0])).ToArray();

        Assert.Equal(Sections.Select((s, i) => $"{i + 1}. {s}"), numbered);
    }

    [Fact]
    public void Plan_has_a_backout_procedure_after_the_sections()
    {
        var headings = Headings().ToList();

        var backout = headings.FindIndex(h => h.StartsWith("Backout procedure", StringComparison.Ordinal));
        Assert.True(backout > headings.IndexOf("8. Success criteria"), string.Join(" | ", headings));
    }

    [Theory]
    [InlineData("az keyvault secret set")]
    [InlineData("tools/teams-package.sh")]
    [InlineData("azd up")]
    [InlineData("az deployment group create")]
    [InlineData("/readyz")]
    [InlineData("/healthz")]
    public void Plan_gives_the_operator_commands_and_checks(string text)
    {
        Assert.Contains(text, File.ReadAllText(BicepTool.PathOf("docs", "DEPLOYMENT.md")), StringComparison.Ordinal);
    }
}
