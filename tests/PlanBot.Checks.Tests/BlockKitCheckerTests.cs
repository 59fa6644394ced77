using PlanBot.Testing.Checks;

namespace PlanBot.Checks.Tests;

/// <summary>Proves check-blockkit.js: it must pass good payloads and catch each kind of mistake it claims to.</summary>
[Collection(NodeChecksCollection.Name)]
public sealed class BlockKitCheckerTests
{
    private const string ApprovalMessage = """
        {"text":"Deployment plan for Billing 2.4 is ready for review",
         "blocks":[{"type":"header","text":{"type":"plain_text","text":"Billing 2.4 deployment plan"}},
                   {"type":"section","text":{"type":"mrkdwn","text":"*Scope:* invoices in PDF"},
                    "fields":[{"type":"mrkdwn","text":"*Approvers*\n<@U123>"}]},
                   {"type":"divider"},
                   {"type":"actions","block_id":"approval","elements":[
                     {"type":"button","action_id":"approve","text":{"type":"plain_text","text":"Approve"},"style":"primary","value":"plan-1"},
                     {"type":"button","action_id":"reject","text":{"type":"plain_text","text":"Reject"},"style":"danger","value":"plan-1"}]}]}
        """;

    private const string RejectModal = """
        {"type":"modal","callback_id":"reject","title":{"type":"plain_text","text":"Reject the plan"},
         "submit":{"type":"plain_text","text":"Reject"},"close":{"type":"plain_text","text":"Cancel"},
         "private_metadata":"{\"planId\":\"plan-1\"}",
         "blocks":[{"type":"input","block_id":"reason","label":{"type":"plain_text","text":"Reason"},
                    "element":{"type":"plain_text_input","action_id":"reason","multiline":true}}]}
        """;

    private static async Task<BlockKitCheckResult> CheckOneAsync(BlockKitSurface kind, string json)
    {
        var report = await NodeChecks.CheckBlockKitAsync([("payload", kind, json)]);
        return Assert.Single(report.Results);
    }

    [Fact]
    public async Task Valid_section_block_passes()
    {
        var result = await CheckOneAsync(BlockKitSurface.Message, """{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"Plan saved"}}]}""");

        Assert.True(result.Passed, string.Join('\n', result.Errors));
    }

    [Fact]
    public async Task Valid_approval_message_and_modal_pass()
    {
        var report = await NodeChecks.CheckBlockKitAsync(
        [
            ("approval", BlockKitSurface.Message, ApprovalMessage),
            ("reject", BlockKitSurface.Modal, RejectModal),
        ]);

        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public async Task Misspelt_block_type_fails()
    {
        var result = await CheckOneAsync(BlockKitSurface.Message, """{"blocks":[{"type":"sectoin","text":{"type":"mrkdwn","text":"x"}}]}""");

        var error = Assert.Single(result.Errors);
        Assert.Contains("sectoin", error.Message, StringComparison.Ordinal);
        Assert.Equal("\"type\": \"sectoin\",", error.Text);
    }

    [Fact]
    public async Task Button_without_text_fails()
    {
        var result = await CheckOneAsync(BlockKitSurface.Message, """{"blocks":[{"type":"actions","elements":[{"type":"button","action_id":"approve"}]}]}""");

        var error = Assert.Single(result.Errors);
        Assert.Contains("Property 'text' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_property_fails()
    {
        var result = await CheckOneAsync(BlockKitSurface.Message, """{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"x"},"colour":"red"}]}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("TS2353", error.Code);
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modal_with_misspelt_block_type_fails()
    {
        // A plain `View` would accept this: its blocks admit the generic Block {type: string}.
        var result = await CheckOneAsync(BlockKitSurface.Modal, """{"type":"modal","title":{"type":"plain_text","text":"Edit"},"blocks":[{"type":"sectoin"}]}""");

        Assert.Contains("sectoin", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Modal_without_title_fails()
    {
        var result = await CheckOneAsync(BlockKitSurface.Modal, """{"type":"modal","blocks":[]}""");

        Assert.Contains("'title' is missing", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_payload_is_reported_under_its_own_name()
    {
        var report = await NodeChecks.CheckBlockKitAsync(
        [
            ("good", BlockKitSurface.Message, ApprovalMessage),
            ("bad", BlockKitSurface.Message, """{"blocks":[{"type":"divider","text":"no"}]}"""),
        ]);

        Assert.Equal(["good", "bad"], report.Results.Select(r => r.Name));
        Assert.True(report.For("good").Passed, report.Describe());
        Assert.False(report.For("bad").Passed);
    }
}
