using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.Host.Hosting;

/// <summary>
/// Looks people up where the conversation lives, in the directory its channel's adapter registered
/// (keyed by channel id, the same way as <see cref="ReplyChannels"/>); nobody is found where no
/// adapter on this host serves the channel.
/// </summary>
internal sealed class PeopleDirectories(IServiceProvider services) : IPeopleDirectory
{
    public Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken) =>
        For(where)?.FindAsync(where, upn, cancellationToken) ?? Task.FromResult<PersonRef?>(null);

    public Task<IReadOnlyList<PersonRef>?> MembersAsync(ConversationRef where, CancellationToken cancellationToken) =>
        For(where)?.MembersAsync(where, cancellationToken) ?? Task.FromResult<IReadOnlyList<PersonRef>?>(null);

    private IPeopleDirectory? For(ConversationRef where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return services.GetKeyedService<IPeopleDirectory>(where.Channel);
    }
}
