using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>People named in answers, looked up where they are likely members: the conversation and the release channel.</summary>
internal sealed class PeopleLookup(IPeopleDirectory? people, ReleaseChannels channels)
{
    /// <summary>What identifies a person across channels' lookups; null for a name typed without an account behind it.</summary>
    public static string? Identity(PersonRef person) =>
        person.AadObjectId ?? person.Upn ?? (person.IsResolved ? person.Id : null);

    /// <summary>Turns emails and sign-in names into channel members where the channel can look them up.</summary>
    public async Task<(AnswerValue Value, string? Unresolved)> ResolveAsync(
        TurnWork work, AnswerValue value, IReadOnlyList<PersonRef> named, CancellationToken cancellationToken)
    {
        if (people is null || named.All(p => p.IsResolved))
        {
            return (value, null);
        }

        // Look where the people are likely members: here, then the product's release channel (a
        // personal chat has no one else in it).
        var places = new List<ConversationRef> { work.Turn.Conversation };
        if (work.Active is { } active && await channels.FindAsync(work.Turn.Conversation.TenantId, active.Document.Plan.Product, cancellationToken) is { } release)
        {
            places.Add(release.Channel);
        }

        var resolved = new List<PersonRef>();
        var missing = new List<string>();
        foreach (var person in named)
        {
            // A sign-in name or a directory object id: Teams finds a member by either.
            var key = person.Upn ?? person.AadObjectId;
            PersonRef? found = null;
            foreach (var place in places.Where(_ => !person.IsResolved && key is not null))
            {
                found ??= await people.FindAsync(place, key!, cancellationToken);
            }

            if (found is null && !person.IsResolved)
            {
                missing.Add(person.ToString());
            }

            resolved.Add(found is null ? person : found with { Upn = person.Upn ?? found.Upn });
        }

        var note = missing.Count == 0
            ? null
            : $"I could not find {string.Join(", ", missing)} among the members of this conversation or of the release channel; they are kept by email. To let them approve from a card, @mention them in the team's channel instead.";
        return (value with { People = resolved, Text = string.Join(", ", resolved.Select(p => p.ToString())) }, note);
    }

    /// <summary>
    /// The one person <paramref name="text"/> names (an @mention, an email or a sign-in name), resolved
    /// to a member where the channel can; or the problem to tell, when it names nobody, several
    /// (<paramref name="oneAtATime"/>), or someone the bot cannot write to (with <paramref name="example"/>
    /// of the command with an @mention).
    /// </summary>
    public async Task<(PersonRef? Person, string? Problem)> OneAsync(
        TurnWork work, string text, string oneAtATime, string example, CancellationToken cancellationToken)
    {
        var read = AnswerReader.Read(PlanChecklist.Get("delivery-team"), text, new AnswerContext(work.Now, TimeZoneInfo.Utc, work.Turn.Mentions));
        if (!read.IsValid || read.Value!.People is not [var named])
        {
            return (null, read.IsValid ? oneAtATime : read.Problem);
        }

        var (resolved, _) = await ResolveAsync(work, read.Value, [named], cancellationToken);
        var person = resolved.People![0];
        return person.IsResolved
            ? (person, null)
            : (null, $"I can't find {person} to write to them. @mention them instead (`{example}`); in Teams, do it in the team's channel or a group chat, where they are a member.");
    }

    /// <summary>
    /// True when <paramref name="person"/> is a member of <paramref name="channel"/>; null when the
    /// channel cannot list its members now.
    /// </summary>
    public async Task<bool?> IsMemberAsync(ConversationRef channel, PersonRef person, CancellationToken cancellationToken) =>
        people is null || await people.MembersAsync(channel, cancellationToken) is not { } members
            ? null
            : members.Any(m => m.SameAs(person));

    /// <summary>
    /// People named in carried-over answers who are not among the release channel's members now,
    /// where the channel can list them. They are remembered in the plan and pointed out in the review.
    /// </summary>
    public async Task<IReadOnlyList<PersonRef>> FindDepartedAsync(PlanDocument document, CancellationToken cancellationToken)
    {
        document.Departed.Clear();
        var named = document.Plan.Answers.Values
            .Where(a => a.IsUnconfirmed)
            .SelectMany(a => a.Value.People ?? [])
            .Where(p => Identity(p) is not null)
            .ToList();
        if (people is null || named.Count == 0
            || await channels.FindAsync(document.Plan.TenantId, document.Plan.Product, cancellationToken) is not { } channel
            || await people.MembersAsync(channel.Channel, cancellationToken) is not { Count: > 0 } members)
        {
            return [];
        }

        var departed = named.Where(p => !members.Any(m => m.SameAs(p))).DistinctBy(Identity).ToList();
        document.Departed.AddRange(departed.Select(p => Identity(p)!));
        return departed;
    }
}
