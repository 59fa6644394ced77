using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

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
        if (await channels.FindAsync(work.Turn.Conversation.TenantId, work.Active!.Document.Plan.Product, cancellationToken) is { } release)
        {
            places.Add(release.Channel);
        }

        var resolved = new List<PersonRef>();
        var missing = new List<string>();
        foreach (var person in named)
        {
            PersonRef? found = null;
            foreach (var place in places.Where(_ => !person.IsResolved && person.Upn is not null))
            {
                found ??= await people.FindAsync(place, person.Upn!, cancellationToken);
            }

            if (found is null && !person.IsResolved)
            {
                missing.Add(person.Upn ?? person.Name);
            }

            resolved.Add(found is null ? person : found with { Upn = person.Upn });
        }

        var note = missing.Count == 0
            ? null
            : $"I could not find {string.Join(", ", missing)} among the members of this conversation or of the release channel; they are kept by email. To let them approve from a card, @mention them in the team's channel instead.";
        return (value with { People = resolved, Text = string.Join(", ", resolved.Select(p => p.ToString())) }, note);
    }

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
