using System.Net;

namespace PlanBot.BotFramework.Connector;

/// <summary>
/// The Connector refused or failed a call. Carries its error code and the
/// <c>X-Correlating-OperationId</c> support needs to trace the call.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode status, string? code, string message, string? correlatingOperationId)
        : base($"Connector call failed with {(int)status} {code}: {message} (operation {correlatingOperationId ?? "unknown"})")
    {
        Status = status;
        Code = code;
        CorrelatingOperationId = correlatingOperationId;
    }

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode Status { get; }

    public string? Code { get; }

    public string? CorrelatingOperationId { get; }
}
