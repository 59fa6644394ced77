using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Plans;

/// <summary>
/// The schedule's sanity checks: deployment done before the features are due, the window inside
/// both (a window may run into the day after), and nothing already past.
/// </summary>
public sealed class ScheduleCheckTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int day) => new(2030, 3, day, 0, 0, 0, TimeSpan.Zero);

    private static Answer DateAnswer(string questionId, int day) =>
        new(questionId, new AnswerValue { Text = $"{day} Mar 2030", DateUtc = Day(day) }, new Provenance(People.Owner, Now, "msteams"));

    private static Answer Window(DateTimeOffset start, DateTimeOffset end) =>
        new("deployment-window", new AnswerValue { Text = "the window", WindowStartUtc = start, WindowEndUtc = end }, new Provenance(People.Owner, Now, "msteams"));

    private static Plan With(params Answer[] answers) => answers.Aggregate(Started(), (plan, answer) => plan.WithAnswer(answer, Now));

    [Fact]
    public void Plan_without_dates_gets_no_warning()
    {
        Assert.Empty(ScheduleCheck.Warnings(Started(), Now));
    }

    [Fact]
    public void Consistent_schedule_gets_no_warning()
    {
        var plan = With(DateAnswer("available-by", 20), DateAnswer("deployed-by", 18), Window(Day(17).AddHours(22), Day(18).AddHours(2)));

        Assert.Empty(ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Deployment_completed_after_the_features_are_due_is_warned()
    {
        var plan = With(DateAnswer("available-by", 20), DateAnswer("deployed-by", 21));

        Assert.Equal(["Deployment must be completed and tested (21 Mar 2030) before the features must be available (20 Mar 2030)."], ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Deployment_completed_on_the_day_the_features_are_due_is_not_warned()
    {
        var plan = With(DateAnswer("available-by", 20), DateAnswer("deployed-by", 20));

        Assert.Empty(ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Window_ending_after_the_deployment_day_is_warned()
    {
        var plan = With(DateAnswer("available-by", 25), DateAnswer("deployed-by", 18), Window(Day(19).AddHours(22), Day(20).AddHours(2)));

        Assert.Equal(["The deployment window (the window) ends after the deployment must be completed (18 Mar 2030)."], ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Window_ending_exactly_at_the_end_of_the_deployment_day_is_not_warned()
    {
        var plan = With(DateAnswer("deployed-by", 18), Window(Day(18).AddHours(20), Day(19)));

        Assert.Empty(ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Window_ending_after_the_features_are_due_is_warned_when_no_deployment_date_is_given()
    {
        var plan = With(DateAnswer("available-by", 18), Window(Day(18).AddHours(22), Day(19).AddHours(2)));

        Assert.Equal(["The deployment window (the window) ends after the features must be available (18 Mar 2030)."], ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Window_ending_exactly_at_the_end_of_the_day_the_features_are_due_is_not_warned()
    {
        var plan = With(DateAnswer("available-by", 18), Window(Day(18).AddHours(20), Day(19)));

        Assert.Empty(ScheduleCheck.Warnings(plan, Now));
    }

    [Fact]
    public void Dates_are_past_from_the_day_after_them()
    {
        var available = With(DateAnswer("available-by", 2));
        var deployed = With(DateAnswer("deployed-by", 2));

        Assert.Empty(ScheduleCheck.Warnings(available, Day(3).AddTicks(-1)));
        Assert.Equal(["The date the features must be available (2 Mar 2030) is past."], ScheduleCheck.Warnings(available, Day(3)));
        Assert.Empty(ScheduleCheck.Warnings(deployed, Day(3).AddTicks(-1)));
        Assert.Equal(["The date the deployment must be completed (2 Mar 2030) is past."], ScheduleCheck.Warnings(deployed, Day(3)));
    }

    [Fact]
    public void Window_that_has_started_is_warned_from_its_start()
    {
        var start = Day(5).AddHours(22);
        var plan = With(Window(start, start.AddHours(4)));

        Assert.Empty(ScheduleCheck.Warnings(plan, start));
        Assert.Equal(["The deployment window (the window) has already started or passed."], ScheduleCheck.Warnings(plan, start.AddTicks(1)));
    }
}
