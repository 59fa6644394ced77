using Microsoft.Extensions.Options;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Reminders;
using PlanBot.Host.Export;
using PlanBot.Host.Health;
using PlanBot.Storage.Cosmos;
using PlanBot.Storage.Sqlite;

namespace PlanBot.Host.Hosting;

internal static class ServiceRegistration
{
    public static IServiceCollection AddPlanBotOptions(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<EngineOptions>().BindConfiguration("Engine").ValidateOnStart()
            .Validate(o => o.MaxCommitAttempts > 0, "Engine:MaxCommitAttempts must be at least 1.")
            .Validate(o => o.MaxPlanBytes is >= 16 * 1024 and <= 1536 * 1024, "Engine:MaxPlanBytes must be between 16384 and 1572864 (1.5 MiB, under Cosmos DB's 2 MB item limit).")
            .Validate(o => o.ReminderDelay >= TimeSpan.FromMinutes(1), "Engine:ReminderDelay must be at least a minute (for example 1.00:00:00 for a day); set Engine:MaxReminders to 0 to turn reminders off.")
            .Validate(o => o.MaxReminders is >= 0 and <= 20, "Engine:MaxReminders must be between 0 (off) and 20.")
            .Validate(o => o.ReminderScanInterval >= TimeSpan.FromSeconds(1) && o.ReminderScanInterval <= TimeSpan.FromHours(1), "Engine:ReminderScanInterval must be between 1 second and 1 hour.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.DefaultTimeZone, out _), "Engine:DefaultTimeZone is not a known IANA time zone.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EngineOptions>>().Value);

        var appId = configuration["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appId) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "MicrosoftAppId is not set, which turns authentication off. That is allowed only in Development (ASPNETCORE_ENVIRONMENT=Development); set MicrosoftAppId, MicrosoftAppType and its credentials for any other environment.");
        }

        if (!environment.IsDevelopment())
        {
            RequireExportSetting(configuration, nameof(ExportOptions.SigningKey), "the key every instance signs export links with (base64 of 32 random bytes or more; infra/ keeps it in Key Vault), so a link made by one instance opens on another and after a restart");
            RequireExportSetting(configuration, nameof(ExportOptions.PublicBaseUrl), "the address people reach PlanBot at (https://<app>.azurewebsites.net/ on Azure), which export links point to");
        }

        return services;
    }

    /// <summary>
    /// The store <c>Storage:Provider</c> names, prepared before the host takes requests
    /// (<see cref="StoreInitialization"/>). Call it before anything that runs in the background on the store.
    /// </summary>
    public static IServiceCollection AddPlanBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        switch (storage.Provider)
        {
            case "Sqlite":
                services.AddSqliteStore();
                break;
            case "Cosmos":
                services.AddCosmosStore();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider \"{storage.Provider}\" is not known; use Sqlite or Cosmos.");
        }

        services.AddHostedService<StoreInitialization>();
        services.AddPlanBotHealthChecks();
        return services;
    }

    public static IServiceCollection AddPlanBotConversations(this IServiceCollection services)
    {
        services.AddSingleton<DeliveryLedger>();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateOnStart()
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Export:PublicBaseUrl must be an absolute URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.SigningKey) || IsKey(o.SigningKey), "Export:SigningKey must be base64 of at least 32 bytes.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PreviousSigningKey) || IsKey(o.PreviousSigningKey), "Export:PreviousSigningKey must be base64 of at least 32 bytes.");
        services.AddSingleton<ExportLinks>();
        services.AddSingleton<IExportLinks>(sp => sp.GetRequiredService<ExportLinks>());
        services.AddSingleton(sp => new PlanEngine(
            sp.GetRequiredService<IConversationStore>(),
            sp.GetRequiredService<EngineOptions>(),
            sp.GetService<ITenantStore>(),
            sp.GetService<IPeopleDirectory>(),
            sp.GetService<IExportLinks>()));
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart()
            .Validate(o => o.UserTurns > 0 && o.TenantTurns > 0, "RateLimits:UserTurns and RateLimits:TenantTurns must be at least 1.")
            .Validate(o => o.UserWindow >= TimeSpan.FromSeconds(1) && o.TenantWindow >= TimeSpan.FromSeconds(1), "RateLimits:UserWindow and RateLimits:TenantWindow must be at least a second.");
        services.AddSingleton(sp => new TurnRateLimiter(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value));
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<PostRegistry>();
        services.AddHostedService<OutboxSweepService>();
        services.AddSingleton<IReplyChannels, ReplyChannels>();
        services.AddSingleton<IPeopleDirectory, PeopleDirectories>();
        services.AddSingleton<ReminderWorker>();
        services.AddHostedService<ReminderService>();
        return services;
    }

    private static void RequireExportSetting(IConfiguration configuration, string name, string what)
    {
        var key = $"{ExportOptions.Section}:{name}";
        if (string.IsNullOrWhiteSpace(configuration[key]))
        {
            throw new InvalidOperationException($"{key} is not set. Outside Development it is required: {what}.");
        }
    }

    private static bool IsKey(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var length) && length >= 32;
    }
}
