using Microsoft.AspNetCore.Http;

namespace PlanBot.Slack.Hosting;

/// <summary>A verified request body, or the answer that refuses the request.</summary>
public sealed record SlackRequestBody(string? Text, IResult? Refusal);
