using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Slack.People;
using PlanBot.Slack.Turns;

namespace PlanBot.Host.Hosting;

/// <summary>Looks people up where the conversation lives: Slack's workspace for Slack, Teams' rosters otherwise.</summary>
internal sealed class PeopleDirectories(TeamsPeopleDirectory teams, IServiceProvider services) : IPeopleDirectory
{
    public Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken) =>
        For(where)?.FindAsync(where, upn, cancellationToken) ?? Task.FromResult<PersonRef?>(null);

    public Task<IReadOnlyList<PersonRef>?> MembersAsync(ConversationRef where, CancellationToken cancellationToken) =>
        For(where)?.MembersAsync(where, cancellationToken) ?? Task.FromResult<IReadOnlyList<PersonRef>?>(null);

    private IPeopleDirectory? For(ConversationRef where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return where.Channel == SlackTenancy.Channel ? services.GetService<SlackPeopleDirectory>() : teams;
    }
}
