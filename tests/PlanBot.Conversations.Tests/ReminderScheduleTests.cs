using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Reminders;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>When reminders fall due, and what a plan's next reminder time (the stores' index) says.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConversationRef Thread = new("msteams", "msteams:t", "19:release@thread.tacv2;messageid=1", ConversationKind.Channel);
    private readonly EngineOptions options = new() { ReminderDelay = TimeSpan.FromHours(24), MaxReminders = 2 };

    [Fact]
    public void An_open_assignment_is_due_after_each_delay_until_the_maximum()
    {
        var document = Document(Plan.Start("p", "msteams:t", "Contoso.Web", "2.5", TestPeople.Dana, Start)
            .Assign(Section.DeliveryTeam, TestPeople.Megan, TestPeople.Dana, Start));
        var subject = Assert.Single(ReminderSchedule.Subjects(document));

        Assert.Equal(Start.AddHours(24), ReminderSchedule.DueAt(subject, document, options));
        document.Reminders[subject.Key] = new ReminderRecord(1, Start.AddHours(24));
        Assert.Equal(Start.AddHours(48), ReminderSchedule.DueAt(subject, document, options));
        document.Reminders[subject.Key] = new ReminderRecord(2, Start.AddHours(48));
        Assert.Null(ReminderSchedule.DueAt(subject, document, options));

        ReminderSchedule.Refresh(document, options);
        Assert.Null(document.RemindAt);
    }

    [Fact]
    public void A_plan_in_review_from_before_its_review_time_was_recorded_counts_from_its_approval_request()
    {
        var inReview = Complete().Submit(TestPeople.Dana, Start) with { InReviewSince = null };
        var document = Document(inReview);
        document.Posts[PostKeys.Approval] = new ChannelPost(Thread, "1", Start.AddHours(2));

        ReminderSchedule.Refresh(document, options);

        Assert.Equal(Start.AddHours(26), document.RemindAt);
    }

    [Fact]
    public void Records_of_what_no_longer_waits_are_forgotten_and_nothing_is_due()
    {
        var document = Document(Complete().Submit(TestPeople.Dana, Start));
        document.Reminders["approval:0"] = new ReminderRecord(1, Start);
        document.Reminders[$"approval:{document.Plan.Revision}"] = new ReminderRecord(1, Start.AddHours(24));

        document.Plan = document.Plan.Decide(TestPeople.Megan, Verdict.Approve, null, Start.AddHours(30));
        ReminderSchedule.Refresh(document, options);

        Assert.Empty(document.Reminders);
        Assert.Null(document.RemindAt);
    }

    [Fact]
    public void A_claimed_reminder_not_yet_sent_makes_the_plan_due_when_another_host_may_take_it_over()
    {
        var document = Document(Plan.Start("p", "msteams:t", "Contoso.Web", "2.5", TestPeople.Dana, Start)
            .Assign(Section.DeliveryTeam, TestPeople.Megan, TestPeople.Dana, Start));
        document.Reminders[ReminderSchedule.Subjects(document)[0].Key] = new ReminderRecord(1, Start.AddHours(24));
        document.ReminderOutbox.Add(new OwedReply("r1", new RenderedReply("Reminder"), Start.AddHours(24), "host-a", null, Thread));

        ReminderSchedule.Refresh(document, options);

        Assert.Equal(Start.AddHours(24) + options.OwedReplyGrace, document.RemindAt);
    }

    private static PlanDocument Document(Plan plan) => new() { Plan = plan };

    /// <summary>Every question answered by Dana, with Megan as the one approver.</summary>
    private static Plan Complete()
    {
        var plan = Plan.Start("p", "msteams:t", "Contoso.Web", "2.5", TestPeople.Dana, Start);
        foreach (var question in PlanChecklist.Questions)
        {
            var value = question.Id == Plan.ApproversQuestion
                ? new AnswerValue { Text = "Megan Bowen", People = [TestPeople.Megan] }
                : new AnswerValue { Text = $"Answer to {question.Id}" };
            plan = plan.WithAnswer(new Answer(question.Id, value, new Provenance(TestPeople.Dana, Start, "msteams")), Start);
        }

        return plan;
    }
}
