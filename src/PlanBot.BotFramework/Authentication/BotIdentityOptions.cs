namespace PlanBot.BotFramework.Authentication;

/// <summary>The bot's own identity, used to get the token it sends to the Connector.</summary>
/// <remarks>Bound from the ecosystem's root keys so the same settings work as in the Bot Framework SDKs.</remarks>
public sealed class BotIdentityOptions
{
    /// <summary><c>MultiTenant</c>, <c>SingleTenant</c> or <c>UserAssignedMSI</c>; empty means <c>MultiTenant</c>, as in the SDKs.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Entra authority host; settable for sovereign clouds and for tests.</summary>
    public string AuthorityHost { get; set; } = BotFrameworkConstants.DefaultAuthorityHost;

    /// <summary>No app id means the Emulator convention: nothing is authenticated and no token is sent.</summary>
    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The parsed app type, or null when the setting names none of the known types.</summary>
    public BotAppType? ResolveAppType()
    {
        if (string.IsNullOrWhiteSpace(MicrosoftAppType))
        {
            return BotAppType.MultiTenant;
        }

        // Enum.TryParse would also accept numbers ("1"); only the documented names are valid settings.
        foreach (var type in Enum.GetValues<BotAppType>())
        {
            if (string.Equals(type.ToString(), MicrosoftAppType.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>Messages naming each missing or bad key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var appType = ResolveAppType();
        if (appType is null)
        {
            errors.Add($"MicrosoftAppType '{MicrosoftAppType}' is not one of MultiTenant, SingleTenant, UserAssignedMSI.");
            return errors;
        }

        var typeName = appType == BotAppType.UserAssignedMsi ? "UserAssignedMSI" : appType.Value.ToString();
        if (IsAuthenticationDisabled)
        {
            // An empty app id with the default type is the Emulator development mode; any other type says a
            // real identity was intended and the id was forgotten.
            if (appType != BotAppType.MultiTenant)
            {
                errors.Add($"MicrosoftAppId is required when MicrosoftAppType is {typeName}.");
            }

            return errors;
        }

        switch (appType)
        {
            case BotAppType.MultiTenant:
                RequirePassword(typeName, errors);
                break;
            case BotAppType.SingleTenant:
                RequirePassword(typeName, errors);
                RequireTenant(typeName, errors);
                break;
            case BotAppType.UserAssignedMsi:
                RequireTenant(typeName, errors);
                if (!string.IsNullOrEmpty(MicrosoftAppPassword))
                {
                    // A secret next to a managed identity is either unused or a sign of a mixed-up deployment.
                    errors.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI.");
                }

                break;
        }

        if (!Uri.TryCreate(AuthorityHost, UriKind.Absolute, out var host) || host.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add("AuthorityHost must be an absolute https URL.");
        }

        return errors;
    }

    private void RequirePassword(string typeName, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            errors.Add($"MicrosoftAppPassword is required when MicrosoftAppType is {typeName}.");
        }
    }

    private void RequireTenant(string typeName, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            errors.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {typeName}.");
        }
    }
}
