using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PlanBot.Host.Hosting;

internal static class RepositorySettings
{
    /// <summary>
    /// Reads the repository's root <c>appsettings.json</c> (copied beside the binaries) with the lowest
    /// precedence, so <c>dotnet run</c> from any folder finds it and environment variables and the
    /// command line still override it.
    /// </summary>
    public static void AddRepositorySettings(this ConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = true,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
    }
}
