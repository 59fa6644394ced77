using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Teams;
using PlanBot.BotFramework.Tests.Connector;
using PlanBot.Conversations.Turns;

namespace PlanBot.BotFramework.Tests.Teams;

/// <summary>People as Teams' roster shows them: one member by sign-in name, and a channel's whole team.</summary>
public sealed class TeamsPeopleDirectoryTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static readonly ConversationRef ReleaseChannel =
        new("msteams", "msteams:tenant-1", "19:release@thread.tacv2", ConversationKind.Channel, ServiceUrl, "19:team@thread.tacv2");

    private readonly RosterHandler handler = new();

    public void Dispose() => handler.Dispose();

    [Fact]
    public async Task Members_of_a_channel_are_the_teams_roster_with_their_sign_in_names()
    {
        handler.Roster = """
            [
              {"id":"29:1-megan","name":"Megan Bowen","aadObjectId":"aad-megan","userPrincipalName":"MeganB@Contoso.com","email":"megan@contoso.com"},
              {"id":"29:1-alex","name":"Alex Wilber","aadObjectId":"aad-alex","email":"Alex@contoso.com"}
            ]
            """;

        var members = await Directory().MembersAsync(ReleaseChannel, CancellationToken.None);

        Assert.NotNull(members);
        Assert.Equal(["29:1-megan", "29:1-alex"], members.Select(m => m.Id));
        Assert.Equal(["meganb@contoso.com", "alex@contoso.com"], members.Select(m => m.Upn));
        Assert.Equal(["aad-megan", "aad-alex"], members.Select(m => m.AadObjectId));
        Assert.Equal("Megan Bowen", members[0].Name);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal($"{ServiceUrl}v3/conversations/19%3Arelease%40thread.tacv2/members", request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task A_person_found_by_sign_in_name_keeps_the_name_Teams_gives()
    {
        handler.Member = """{"id":"29:1-megan","name":"Megan Bowen","aadObjectId":"aad-megan","userPrincipalName":"MeganB@Contoso.com"}""";

        var megan = await Directory().FindAsync(ReleaseChannel, "meganb@contoso.com", CancellationToken.None);

        Assert.Equal(new Domain.Answers.PersonRef("29:1-megan", "Megan Bowen", "aad-megan", "meganb@contoso.com"), megan);
        Assert.EndsWith("/members/meganb%40contoso.com", Assert.Single(handler.Requests).RequestUri!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_a_sign_in_name_is_known_by_the_one_looked_up()
    {
        handler.Member = """{"id":"29:1-lee","aadObjectId":"aad-lee"}""";

        var lee = await Directory().FindAsync(ReleaseChannel, "Lee@Contoso.com", CancellationToken.None);

        Assert.Equal(new Domain.Answers.PersonRef("29:1-lee", "Lee@Contoso.com", "aad-lee", "lee@contoso.com"), lee);
    }

    [Fact]
    public async Task A_person_picked_by_object_id_is_found_in_the_roster_when_get_member_does_not_know_the_id()
    {
        // The roster (v3 conversation members) names the object id "objectId"; get member, "aadObjectId".
        handler.MemberStatus = HttpStatusCode.NotFound;
        handler.Roster = """
            [
              {"id":"29:1-alex","name":"Alex Wilber","objectId":"aad-alex","userPrincipalName":"alexw@contoso.com"},
              {"id":"29:1-megan","name":"Megan Bowen","objectId":"aad-megan","userPrincipalName":"MeganB@Contoso.com"}
            ]
            """;

        var megan = await Directory().FindAsync(ReleaseChannel, "AAD-megan", CancellationToken.None);
        var members = await Directory().MembersAsync(ReleaseChannel, CancellationToken.None);

        Assert.Equal(new Domain.Answers.PersonRef("29:1-megan", "Megan Bowen", "aad-megan", "meganb@contoso.com"), megan);
        Assert.Equal(["aad-alex", "aad-megan"], members!.Select(m => m.AadObjectId));
    }

    [Fact]
    public async Task A_refused_roster_means_the_channel_cannot_tell()
    {
        handler.Status = HttpStatusCode.Forbidden;

        Assert.Null(await Directory().MembersAsync(ReleaseChannel, CancellationToken.None));
    }

    [Fact]
    public async Task Conversations_outside_Teams_are_not_asked()
    {
        var slack = new ConversationRef("slack", "slack:T1", "C1", ConversationKind.Channel);

        Assert.Null(await Directory().MembersAsync(slack, CancellationToken.None));
        Assert.Null(await Directory().MembersAsync(ReleaseChannel with { ServiceUrl = null }, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    private TeamsPeopleDirectory Directory()
    {
        return new TeamsPeopleDirectory(ConnectorClients.Create(handler, new FakeTimeProvider(DateTimeOffset.UtcNow)));
    }

    private sealed class RosterHandler : HttpMessageHandler
    {
        public string Roster { get; set; } = "[]";

        /// <summary>The answer to get member by UPN (…/members/{upn}).</summary>
        public string Member { get; set; } = "{}";

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        /// <summary>The status of get member alone; the roster answers with <see cref="Status"/>.</summary>
        public HttpStatusCode MemberStatus { get; set; } = HttpStatusCode.OK;

        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var roster = request.RequestUri!.AbsolutePath.EndsWith("/members", StringComparison.Ordinal);
            var status = roster ? Status : Status == HttpStatusCode.OK ? MemberStatus : Status;
            var body = status != HttpStatusCode.OK ? """{"error":{"code":"Forbidden","message":"no access"}}"""
                : roster ? Roster
                : Member;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
