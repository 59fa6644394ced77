using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>A plan many conversations visited keeps the sessions that matter and forgets long-idle ones, so it stays one stored item.</summary>
public sealed class SessionPruningTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static ConversationSession Session(bool attached, DateTimeOffset lastActive, bool assigned = false, bool owes = false)
    {
        var session = new ConversationSession { Attached = attached, AssignedOnly = assigned };
        session.Consume($"activity-{lastActive.Ticks}", lastActive);
        if (owes)
        {
            session.Outbox.Add(new OwedReply("r1", new RenderedReply("text"), lastActive, "host-1", null));
        }

        return session;
    }

    private static PlanDocument Document() =>
        new() { Plan = Plan.Start("p1", BotWorld.Tenant, "Contoso.Web", "2.4", TestPeople.Dana, Now) };

    [Fact]
    public void Sessions_that_left_the_plan_long_ago_are_forgotten_and_the_rest_kept()
    {
        var document = Document();
        document.Sessions["left-long-ago"] = Session(attached: false, Now - PlanDocument.DetachedRetention - TimeSpan.FromDays(1));
        document.Sessions["left-lately"] = Session(attached: false, Now - TimeSpan.FromDays(2));
        document.Sessions["working-on-it"] = Session(attached: true, Now - TimeSpan.FromDays(90));
        document.Sessions["assignee"] = Session(attached: false, Now - TimeSpan.FromDays(90), assigned: true);
        document.Sessions["owed-a-reply"] = Session(attached: false, Now - TimeSpan.FromDays(90), owes: true);

        document.PruneSessions("this-turn", Now);

        Assert.Equal(["assignee", "left-lately", "owed-a-reply", "working-on-it"], document.Sessions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Beyond_the_limit_the_longest_idle_detached_sessions_go_first_and_this_turns_stays()
    {
        var document = Document();
        for (var i = 0; i < PlanDocument.MaxSessions + 50; i++)
        {
            document.Sessions[$"s{i:D3}"] = Session(attached: false, Now - TimeSpan.FromHours(i));
        }

        document.PruneSessions("s249", Now);

        Assert.Equal(PlanDocument.MaxSessions, document.Sessions.Count);
        Assert.Contains("s249", document.Sessions.Keys);
        Assert.Contains("s000", document.Sessions.Keys);
        Assert.DoesNotContain("s248", document.Sessions.Keys);
    }
}
