using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>
/// The people a channel can see, as Teams' roster would show them: a team channel lists its team's
/// <see cref="Members"/>; a personal chat has only its user, so nobody is found from one.
/// </summary>
public sealed class FakePeopleDirectory : IPeopleDirectory
{
    private readonly Lock gate = new();
    private readonly List<PersonRef> members = [];

    public IReadOnlyList<PersonRef> Members
    {
        get
        {
            lock (gate)
            {
                return members.ToList();
            }
        }
    }

    /// <summary>While set, rosters cannot be read, as when Teams refuses or times out.</summary>
    public bool Unavailable { get; set; }

    public void Join(params PersonRef[] people)
    {
        lock (gate)
        {
            members.AddRange(people);
        }
    }

    public void Leave(PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        lock (gate)
        {
            members.RemoveAll(m => m.SameAs(person));
        }
    }

    public Task<PersonRef?> FindAsync(ConversationRef where, string upn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.Kind == ConversationKind.Personal)
        {
            return Task.FromResult<PersonRef?>(null);
        }

        return Task.FromResult(Members.FirstOrDefault(m => string.Equals(m.Upn, upn, StringComparison.OrdinalIgnoreCase)));
    }

    public Task<IReadOnlyList<PersonRef>?> MembersAsync(ConversationRef where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(where);
        return Task.FromResult<IReadOnlyList<PersonRef>?>(where.Kind == ConversationKind.Personal || Unavailable ? null : Members);
    }
}
