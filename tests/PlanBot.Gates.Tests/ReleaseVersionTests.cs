using System.Text.Json;
using PlanBot.Conversations.Gates;
using PlanBot.Gates.GitHub;

namespace PlanBot.Gates.Tests;

/// <summary>The release a GitHub deployment names: from its ref (a tag or a release branch) or from its payload, as the link says.</summary>
public sealed class ReleaseVersionTests
{
    [Theory]
    [InlineData("v2.4", "v2.4")]
    [InlineData("2.4", "2.4")]
    [InlineData("refs/tags/v2.4", "v2.4")]
    [InlineData("release/2.4", "2.4")]
    [InlineData("refs/heads/release/2.4/", "2.4")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_ref_gives_its_last_segment(string? reference, string? version) => Assert.Equal(version, ReleaseVersions.FromRef(reference));

    [Theory]
    [InlineData("v2.4", new[] { "v2.4", "2.4" })]
    [InlineData("2.4", new[] { "2.4", "v2.4" })]
    [InlineData("spring-2027", new[] { "spring-2027" })]
    public void A_plan_is_looked_for_under_the_version_with_and_without_its_v(string version, string[] candidates) =>
        Assert.Equal(candidates, ReleaseVersions.Candidates(version));

    [Theory]
    [InlineData("""{"deployment":{"ref":"v2.4","payload":{"version":"2.5"}}}""", "ref", "v2.4")]
    [InlineData("""{"deployment":{"ref":"main","payload":{"version":"2.5"}}}""", "payload.version", "2.5")]
    [InlineData("""{"deployment":{"ref":"main","payload":"{\"release\":\"2.6\"}"}}""", "payload.release", "2.6")]
    [InlineData("""{"deployment":{"ref":"main","payload":{"release":2.7}}}""", "payload.release", "2.7")]
    [InlineData("""{"deployment":{"ref":"main","payload":{}}}""", "payload.version", null)]
    [InlineData("""{"deployment":{"ref":"main","payload":"not json"}}""", "payload.version", null)]
    public void The_version_is_read_where_the_link_says(string delivery, string versionFrom, string? version)
    {
        var payload = JsonSerializer.Deserialize(delivery, GatesJsonContext.Default.WebhookPayload)!;

        Assert.Equal(version, DeploymentRequests.Version(payload, versionFrom));
    }
}
