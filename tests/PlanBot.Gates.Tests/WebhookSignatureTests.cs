using System.Text;
using PlanBot.Gates.GitHub;

namespace PlanBot.Gates.Tests;

/// <summary>X-Hub-Signature-256 as GitHub documents it ("Validating webhook deliveries"), with its own test vector.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "It's a Secret to Everybody";
    private const string Payload = "Hello, World!";
    private const string Expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private readonly WebhookSignature signature = new(Secret);

    [Fact]
    public void GitHubs_documented_example_verifies()
    {
        Assert.True(signature.IsValid(Encoding.UTF8.GetBytes(Payload), Expected));
        Assert.Equal(Expected, signature.Sign(Encoding.UTF8.GetBytes(Payload)));
    }

    [Theory]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E1")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_does_not(string? header) =>
        Assert.False(signature.IsValid(Encoding.UTF8.GetBytes(Payload), header));

    [Fact]
    public void The_same_signature_over_another_body_or_secret_does_not()
    {
        Assert.False(signature.IsValid(Encoding.UTF8.GetBytes(Payload + " "), Expected));
        Assert.False(new WebhookSignature(Secret + "!").IsValid(Encoding.UTF8.GetBytes(Payload), Expected));
    }
}
