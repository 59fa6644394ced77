using Microsoft.Extensions.Time.Testing;
using PlanBot.Slack.Inbound;

namespace PlanBot.Slack.Tests.Inbound;

/// <summary>
/// A modal's answer is either handed to the waiting request or shown by the turn itself, never both
/// and never neither: the request and the turn agree on which, whatever the timing.
/// </summary>
public sealed class PendingAnswerTests
{
    private static readonly SlackAck Answer = SlackAck.Errors("available-by", "That date is already past.");

    [Fact]
    public async Task An_answer_in_time_is_the_requests_and_the_turn_is_told_so()
    {
        var pending = new PendingAnswer(new FakeTimeProvider());
        var waiting = pending.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);

        Assert.True(pending.TrySet(Answer));
        Assert.Same(Answer, await waiting);
    }

    [Fact]
    public async Task After_the_wait_the_request_gives_up_and_the_turn_shows_its_answer_itself()
    {
        var time = new FakeTimeProvider();
        var pending = new PendingAnswer(time);
        var waiting = pending.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Null(await waiting);
        Assert.False(pending.TrySet(Answer));
    }

    [Fact]
    public async Task An_answer_already_there_is_taken_even_with_no_time_left_to_wait()
    {
        var pending = new PendingAnswer(new FakeTimeProvider());
        Assert.True(pending.TrySet(Answer));

        Assert.Same(Answer, await pending.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task A_request_Slack_hung_up_on_gives_up_and_leaves_the_answer_to_the_turn()
    {
        var pending = new PendingAnswer(new FakeTimeProvider());
        using var hungUp = new CancellationTokenSource();
        var waiting = pending.WaitAsync(TimeSpan.FromSeconds(2), hungUp.Token);

        await hungUp.CancelAsync();

        Assert.Null(await waiting);
        Assert.False(pending.TrySet(Answer));
    }
}
