using PlanBot.BotFramework.Authentication;
using PlanBot.Testing.Authentication;

namespace PlanBot.BotFramework.Tests.Authentication;

/// <summary>PROTOCOLS §3.5: settings checked at start-up, each message naming the key at fault.</summary>
public sealed class BotIdentityOptionsTests
{
    [Fact]
    public void No_app_id_with_the_default_type_is_the_valid_development_mode()
    {
        var options = new BotIdentityOptions { MicrosoftAppType = "MultiTenant" };

        Assert.Empty(options.Validate());
        Assert.True(options.IsAuthenticationDisabled);
    }

    [Fact]
    public void Single_tenant_without_a_tenant_id_names_the_tenant_key()
    {
        var options = new BotIdentityOptions { MicrosoftAppType = "SingleTenant", MicrosoftAppId = TestIds.AppId, MicrosoftAppPassword = "secret" };

        var error = Assert.Single(options.Validate());

        Assert.Equal("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.", error);
    }

    [Theory]
    [InlineData("MultiTenant")]
    [InlineData("SingleTenant")]
    public void Secret_based_types_without_a_password_name_the_password_key(string appType)
    {
        var options = new BotIdentityOptions { MicrosoftAppType = appType, MicrosoftAppId = TestIds.AppId, MicrosoftAppTenantId = TestIds.TenantId };

        var error = Assert.Single(options.Validate());

        Assert.Equal($"MicrosoftAppPassword is required when MicrosoftAppType is {appType}.", error);
    }

    [Theory]
    [InlineData("Tenantless")]
    [InlineData("1")]
    [InlineData("Multi Tenant")]
    public void Unknown_app_type_names_the_type_key(string appType)
    {
        var options = new BotIdentityOptions { MicrosoftAppType = appType, MicrosoftAppId = TestIds.AppId, MicrosoftAppPassword = "secret" };

        var error = Assert.Single(options.Validate());

        Assert.StartsWith($"MicrosoftAppType '{appType}' is not one of", error, StringComparison.Ordinal);
        Assert.Null(options.ResolveAppType());
    }

    [Theory]
    [InlineData("multitenant", BotAppType.MultiTenant)]
    [InlineData("SINGLETENANT", BotAppType.SingleTenant)]
    [InlineData("UserAssignedMSI", BotAppType.UserAssignedMsi)]
    [InlineData(null, BotAppType.MultiTenant)]
    [InlineData("", BotAppType.MultiTenant)]
    public void App_type_names_are_read_ignoring_case(string? appType, BotAppType expected)
    {
        Assert.Equal(expected, new BotIdentityOptions { MicrosoftAppType = appType }.ResolveAppType());
    }

    [Fact]
    public void Managed_identity_needs_a_tenant_and_no_password()
    {
        var options = new BotIdentityOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = TestIds.AppId, MicrosoftAppPassword = "secret" };

        var errors = options.Validate();

        Assert.Contains("MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.", errors);
        Assert.Contains("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI.", errors);
    }

    [Theory]
    [InlineData("SingleTenant")]
    [InlineData("UserAssignedMSI")]
    public void Types_that_imply_a_real_identity_need_an_app_id(string appType)
    {
        var options = new BotIdentityOptions { MicrosoftAppType = appType, MicrosoftAppTenantId = TestIds.TenantId };

        Assert.Contains($"MicrosoftAppId is required when MicrosoftAppType is {appType}.", options.Validate());
    }

    [Fact]
    public void Authority_host_must_be_https()
    {
        var options = new BotIdentityOptions
        {
            MicrosoftAppId = TestIds.AppId,
            MicrosoftAppPassword = "secret",
            AuthorityHost = "http://login.microsoftonline.com",
        };

        Assert.Equal("AuthorityHost must be an absolute https URL.", Assert.Single(options.Validate()));
    }

    [Fact]
    public void Complete_settings_validate_cleanly()
    {
        Assert.Empty(new BotIdentityOptions { MicrosoftAppType = "MultiTenant", MicrosoftAppId = TestIds.AppId, MicrosoftAppPassword = "secret" }.Validate());
        Assert.Empty(new BotIdentityOptions
        {
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppId = TestIds.AppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = TestIds.TenantId,
        }.Validate());
        Assert.Empty(new BotIdentityOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = TestIds.AppId, MicrosoftAppTenantId = TestIds.TenantId }.Validate());
    }

    [Fact]
    public void Messages_never_quote_the_password()
    {
        var options = new BotIdentityOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = TestIds.AppId, MicrosoftAppPassword = "hunter2" };

        Assert.All(options.Validate(), m => Assert.DoesNotContain("hunter2", m, StringComparison.Ordinal));
    }
}
