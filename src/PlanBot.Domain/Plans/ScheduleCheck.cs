namespace PlanBot.Domain.Plans;

/// <summary>
/// Schedule sanity: the deployment must be completed and tested before the features must be
/// available, the deployment window must fit before that, and every date must lie ahead.
/// </summary>
public static class ScheduleCheck
{
    public static IReadOnlyList<string> Warnings(Plan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<string>();
        var available = plan.AnswerTo("available-by")?.Value;
        var deployed = plan.AnswerTo("deployed-by")?.Value;
        var window = plan.AnswerTo("deployment-window")?.Value;

        if (available?.DateUtc is { } availableAt && deployed?.DateUtc is { } deployedAt && deployedAt > availableAt)
        {
            warnings.Add($"Deployment must be completed and tested ({deployed.Text}) before the features must be available ({available.Text}).");
        }

        if (window?.WindowEndUtc is { } windowEnd)
        {
            if (deployed?.DateUtc is { } deployedBy && windowEnd > deployedBy.AddDays(1))
            {
                warnings.Add($"The deployment window ({window.Text}) ends after the deployment must be completed ({deployed.Text}).");
            }
            else if (available?.DateUtc is { } availableBy && windowEnd > availableBy.AddDays(1))
            {
                warnings.Add($"The deployment window ({window.Text}) ends after the features must be available ({available.Text}).");
            }
        }

        foreach (var (name, value) in new[] { ("features must be available", available), ("deployment must be completed", deployed) })
        {
            if (value?.DateUtc is { } at && at.AddDays(1) <= now)
            {
                warnings.Add($"The date the {name} ({value.Text}) is past.");
            }
        }

        if (window?.WindowStartUtc is { } start && start < now)
        {
            warnings.Add($"The deployment window ({window.Text}) has already started or passed.");
        }

        return warnings;
    }
}
