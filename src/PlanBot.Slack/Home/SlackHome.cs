using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Answers;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Home;

/// <summary>
/// Publishes a person's Home tab when they open it, and opens a plan from it. Reads the store of the
/// tenant the event came from only; Slack's people are matched by their user id.
/// </summary>
public sealed partial class SlackHome(IConversationStore store, SlackWebApiClient api, ILogger<SlackHome> logger)
{
    public async Task PublishAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var plans = await store.ListPlansAsync(tenantId, null, cancellationToken);
        var view = SlackHomeViews.Home(MyPlans.Of(plans, new PersonRef(userId, string.Empty)));
        try
        {
            await api.PublishViewAsync(userId, view, cancellationToken);
        }
        catch (Exception failure) when (failure is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            HomeFailed(logger, failure, "views.publish");
        }
    }

    public async Task OpenPlanAsync(string tenantId, string triggerId, string planId, CancellationToken cancellationToken)
    {
        var plan = await store.GetPlanAsync(tenantId, planId, cancellationToken);
        if (plan is null)
        {
            return;
        }

        try
        {
            await api.OpenViewAsync(triggerId, SlackHomeViews.Plan(plan.Document.Plan), cancellationToken);
        }
        catch (Exception failure) when (failure is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            HomeFailed(logger, failure, "views.open");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Home tab's {Call} failed")]
    private static partial void HomeFailed(ILogger logger, Exception failure, string call);
}
