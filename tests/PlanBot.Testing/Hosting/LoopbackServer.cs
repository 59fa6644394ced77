using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace PlanBot.Testing.Hosting;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, for the fakes of remote endpoints.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Scheme, host and port, without a trailing slash.</summary>
    public Uri BaseAddress { get; }

    public string Url(string path) => $"{BaseAddress.GetLeftPart(UriPartial.Authority)}{path}";

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> mapEndpoints, X509Certificate2? httpsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (httpsCertificate is not null)
            {
                listen.UseHttps(httpsCertificate);
            }
        }));

        var app = builder.Build();
        mapEndpoints(app);
        await app.StartAsync();
        return new LoopbackServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
