using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Connector;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConversationPacerTests
{
    [Fact]
    public async Task Ten_sends_to_one_conversation_dispatch_at_most_seven_in_the_first_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pacer = new ConversationPacer(time);
        var dispatched = new List<DateTimeOffset>();
        var sends = Enumerable.Range(0, 10).Select(async _ =>
        {
            await pacer.WaitTurnAsync("a:chat", CancellationToken.None);
            lock (dispatched)
            {
                dispatched.Add(time.GetUtcNow());
            }
        }).ToList();

        // Nothing to wait for: the sends held back wait on the fake clock, which only this test moves.
        Assert.Equal(7, dispatched.Count);
        Assert.Equal(3, sends.Count(send => !send.IsCompleted));

        time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sends);
        Assert.Equal(10, dispatched.Count);
        var start = dispatched.Min();
        Assert.Equal(7, dispatched.Count(at => at - start < TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Conversations_are_paced_separately_and_threads_count_against_their_channel()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pacer = new ConversationPacer(time);
        for (var i = 0; i < 7; i++)
        {
            await pacer.WaitTurnAsync("19:releases@thread.tacv2", CancellationToken.None);
        }

        var other = pacer.WaitTurnAsync("a:someone-else", CancellationToken.None);
        var thread = pacer.WaitTurnAsync("19:releases@thread.tacv2;messageid=42", CancellationToken.None);

        Assert.True(other.IsCompletedSuccessfully);
        Assert.False(thread.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await thread.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Sixty_sends_in_thirty_seconds_hold_the_sixty_first()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pacer = new ConversationPacer(time);
        for (var i = 0; i < 60; i++)
        {
            await pacer.WaitTurnAsync("a:chat", CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(200));
        }

        var sixtyFirst = pacer.WaitTurnAsync("a:chat", CancellationToken.None);
        Assert.False(sixtyFirst.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(19));
        await sixtyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_disabled_pacer_never_waits()
    {
        var pacer = new ConversationPacer(new FakeTimeProvider(DateTimeOffset.UtcNow), enabled: false);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(pacer.WaitTurnAsync("a:chat", CancellationToken.None).IsCompletedSuccessfully);
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Conversations_quiet_for_the_longest_window_are_forgotten_once_many_are_tracked()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pacer = new ConversationPacer(time);
        for (var i = 0; i < 3 * ConversationPacer.Tidy; i++)
        {
            await pacer.WaitTurnAsync($"a:chat-{i}", CancellationToken.None);
            if (i % ConversationPacer.Tidy == 0)
            {
                time.Advance(TimeSpan.FromSeconds(31));
            }
        }

        Assert.InRange(pacer.Tracked, 1, ConversationPacer.Tidy + 1);
    }
}
