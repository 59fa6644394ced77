using System.Text;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Slack.Signing;

namespace PlanBot.Slack.Tests.Signing;

/// <summary>Slack's published signing example (PROTOCOLS.md 7, vectors 1–3).</summary>
public sealed class SignatureVerifierTests
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string Timestamp = "1531420618";
    public const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    public const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    public const string ChallengeBody =
        """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

    private static SlackSignatureVerifier At(long seconds) =>
        new(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(seconds)));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Signing_the_published_example_gives_the_published_signature()
    {
        Assert.Equal(362, Body.Length);
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Bytes(Body)));
    }

    [Fact]
    public void The_published_example_thirty_seconds_later_is_valid()
    {
        var check = At(1531420618 + 30).Verify(Timestamp, Signature, Bytes(Body));

        Assert.True(check.IsValid, check.Reason);
    }

    [Fact]
    public void The_published_example_301_seconds_later_is_stale()
    {
        var check = At(1531420618 + 301).Verify(Timestamp, Signature, Bytes(Body));

        Assert.Equal(SignatureStatus.Stale, check.Status);
    }

    [Fact]
    public void A_timestamp_more_than_five_minutes_ahead_is_refused()
    {
        var check = At(1531420618 - 301).Verify(Timestamp, Signature, Bytes(Body));

        Assert.Equal(SignatureStatus.Future, check.Status);
    }

    [Fact]
    public void A_body_with_one_byte_more_does_not_match()
    {
        var changed = Body + "x";

        Assert.Equal("v0=7191600f6de27f7e85a4119c518b9d546d936951a0725a31067656db3bce8f40", SlackSignatureVerifier.Sign(Secret, Timestamp, Bytes(changed)));
        Assert.Equal(SignatureStatus.Mismatch, At(1531420618).Verify(Timestamp, Signature, Bytes(changed)).Status);
    }

    [Fact]
    public void A_body_with_one_byte_changed_does_not_match()
    {
        var changed = Body.Replace("text=&", "text=x", StringComparison.Ordinal)[..Body.Length];

        Assert.Equal(SignatureStatus.Mismatch, At(1531420618).Verify(Timestamp, Signature, Bytes(changed)).Status);
    }

    [Fact]
    public void The_url_verification_body_signs_as_computed()
    {
        Assert.Equal(129, ChallengeBody.Length);
        Assert.Equal("v0=f9bd80929259f3f6d5fe3a3186c453c89cd1ad4862815a15837584f31c993652", SlackSignatureVerifier.Sign(Secret, Timestamp, Bytes(ChallengeBody)));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Missing_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureStatus.Missing, At(1531420618).Verify(timestamp, signature, Bytes(Body)).Status);
    }

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("yesterday")]
    public void A_timestamp_that_is_not_unix_seconds_is_refused(string timestamp)
    {
        Assert.Equal(SignatureStatus.Malformed, At(1531420618).Verify(timestamp, Signature, Bytes(Body)).Status);
    }

    [Theory]
    [InlineData("253402300800")]
    [InlineData("999999999999")]
    public void A_timestamp_past_the_year_9999_is_refused_as_dated_ahead(string timestamp)
    {
        var signature = SlackSignatureVerifier.Sign(Secret, timestamp, Bytes(Body));

        Assert.Equal(SignatureStatus.Future, At(1531420618).Verify(timestamp, signature, Bytes(Body)).Status);
    }

    [Fact]
    public void An_upper_case_or_unprefixed_signature_does_not_match()
    {
        var verifier = At(1531420618);

        Assert.False(verifier.Verify(Timestamp, Signature.ToUpperInvariant(), Bytes(Body)).IsValid);
        Assert.False(verifier.Verify(Timestamp, Signature[3..], Bytes(Body)).IsValid);
    }

    [Fact]
    public void Another_secret_does_not_match()
    {
        var verifier = new SlackSignatureVerifier("another-secret", new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618)));

        Assert.Equal(SignatureStatus.Mismatch, verifier.Verify(Timestamp, Signature, Bytes(Body)).Status);
    }
}
