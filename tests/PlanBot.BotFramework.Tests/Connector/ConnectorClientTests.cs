using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;
using PlanBot.Testing;

namespace PlanBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly StubHandler handler = new();
    private readonly DelayRecordingTimeProvider time = new(DateTimeOffset.UtcNow);

    public void Dispose() => handler.Dispose();

    [Fact]
    public async Task Send_escapes_the_conversation_id_and_reads_the_resource_id()
    {
        handler.Respond(HttpStatusCode.OK, """{"id":"1632474074231"}""");

        var response = await Client().SendToConversationAsync(ServiceUrl, "a:17I0;x@y", new OutboundActivity { Text = "hi" }, CancellationToken.None);

        Assert.Equal("1632474074231", response.Id);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A17I0%3Bx%40y/activities", request.Uri.AbsoluteUri);
        Assert.Contains("\"text\":\"hi\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_puts_to_the_activity()
    {
        handler.Respond(HttpStatusCode.OK, """{"id":"1575667808184"}""");

        await Client().UpdateActivityAsync(ServiceUrl, "19:c@thread.tacv2;messageid=1", "1575667808184", new OutboundActivity { Text = "updated" }, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.EndsWith("/activities/1575667808184", request.Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_then_succeeds()
    {
        handler.Respond(HttpStatusCode.TooManyRequests, "{}", retryAfterSeconds: 2);
        handler.Respond(HttpStatusCode.OK, """{"id":"ok"}""");

        var send = Client().SendToConversationAsync(ServiceUrl, "a:1", new OutboundActivity { Text = "x" }, CancellationToken.None);
        await Eventually.TrueAsync(() => !time.Delays.IsEmpty, "the client to wait before sending again");

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.Single(time.Delays));
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Single(handler.Requests);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal("ok", (await send.WaitAsync(TimeSpan.FromSeconds(5))).Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_longest_wait_is_not_waited_for()
    {
        handler.Respond(HttpStatusCode.TooManyRequests, "{}", retryAfterSeconds: 60);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client().SendToConversationAsync(ServiceUrl, "a:1", new OutboundActivity { Text = "x" }, CancellationToken.None));

        // Retrying before the Connector's time earns another 429; the reply stays owed instead.
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.Status);
        Assert.Single(handler.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public void The_client_renews_its_connections_so_a_changed_service_url_address_is_followed()
    {
        using var services = ConnectorClients.Services(time);

        var handlers = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(nameof(ConnectorClient));

        var primary = Assert.IsType<SocketsHttpHandler>(Primary(handlers));
        Assert.Equal(TimeSpan.FromMinutes(2), primary.PooledConnectionLifetime);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_failures_are_retried_and_bounded(HttpStatusCode status)
    {
        for (var i = 0; i < 10; i++)
        {
            handler.Respond(status, """{"error":{"code":"ServiceError","message":"try later"}}""");
        }

        var send = Client().SendToConversationAsync(ServiceUrl, "a:1", new OutboundActivity { Text = "x" }, CancellationToken.None);
        for (var retry = 1; retry < new ConnectorRetryOptions().MaxAttempts; retry++)
        {
            await Eventually.TrueAsync(() => time.Delays.Count == retry, $"the client to wait before attempt {retry + 1}");
            time.Advance(time.Delays.Last());
        }

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(status, failure.Status);
        Assert.Equal(new ConnectorRetryOptions().MaxAttempts, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Other_client_errors_are_not_retried_and_carry_code_and_correlation(HttpStatusCode status)
    {
        handler.Respond(status, """{"error":{"code":"BadArgument","message":"Activity is invalid"}}""", correlation: "op-123");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client().SendToConversationAsync(ServiceUrl, "a:1", new OutboundActivity { Text = "x" }, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Equal(status, failure.Status);
        Assert.Equal("BadArgument", failure.Code);
        Assert.Equal("op-123", failure.CorrelatingOperationId);
        Assert.Contains("Activity is invalid", failure.Message, StringComparison.Ordinal);
        Assert.Contains("op-123", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_member_returns_null_for_someone_not_in_the_conversation()
    {
        handler.Respond(HttpStatusCode.NotFound, """{"error":{"code":"MemberNotFoundInConversation","message":"no"}}""");

        var member = await Client().GetMemberAsync(ServiceUrl, "19:c@thread.tacv2", "alex@contoso.com", CancellationToken.None);

        Assert.Null(member);
        Assert.EndsWith("/members/alex%40contoso.com", Assert.Single(handler.Requests).Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    private ConnectorClient Client() => ConnectorClients.Create(handler, time);

    private static HttpMessageHandler Primary(HttpMessageHandler handler) =>
        handler is DelegatingHandler { InnerHandler: { } inner } ? Primary(inner) : handler;

    private sealed class StubHandler : HttpMessageHandler
    {
        private readonly Queue<Func<HttpResponseMessage>> responses = new();

        public List<(HttpMethod Method, Uri Uri, string Body)> Requests { get; } = [];

        public void Respond(HttpStatusCode status, string body, int? retryAfterSeconds = null, string? correlation = null) =>
            responses.Enqueue(() =>
            {
                var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (retryAfterSeconds is { } seconds)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                }

                if (correlation is not null)
                {
                    response.Headers.Add("X-Correlating-OperationId", correlation);
                }

                return response;
            });

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.Method, request.RequestUri!, body));
            }

            return responses.Dequeue()();
        }
    }
}
