namespace PlanBot.Infrastructure.Tests;

/// <summary>Every resource PlanBot's deployment needs is declared, with the settings that matter.</summary>
[Collection(BicepCollection.Name)]
public sealed class ResourceTests(CompiledTemplateFixture compiled)
{
    private const string CosmosDataContributor = "00000000-0000-0000-0000-000000000002";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";

    private ArmTemplate Template => compiled.Template;

    [Fact]
    public void User_assigned_identity_is_declared()
    {
        Template.One("Microsoft.ManagedIdentity/userAssignedIdentities");
    }

    [Fact]
    public void Bot_is_an_azure_bot_with_a_free_default_sku_and_managed_identity_by_default()
    {
        var bot = Template.One("Microsoft.BotService/botServices");

        Assert.Equal("azurebot", (string?)bot.Resource["kind"]);
        Assert.Equal("global", (string?)bot.Resource["location"]);
        Assert.Equal("[parameters('sku')]", (string?)bot.Resource["sku"]?["name"]);
        var skuParameter = bot.Template["parameters"]!["sku"]!;
        Assert.Equal("F0", (string?)skuParameter["defaultValue"]);
        Assert.Equal(["F0", "S1"], skuParameter["allowedValues"]!.AsArray().Select(v => (string?)v));

        Assert.Equal("[parameters('appType')]", (string?)bot.Properties["msaAppType"]);
        Assert.Equal("[parameters('appId')]", (string?)bot.Properties["msaAppId"]);
        Assert.NotNull(bot.Properties["msaAppTenantId"]);
        Assert.Equal("[if(equals(parameters('appType'), 'UserAssignedMSI'), parameters('identityId'), null())]", bot.Expand(bot.Properties["msaAppMSIResourceId"]));
        Assert.Contains("outputs.id.value", bot.ModuleParameter("identityId"), StringComparison.Ordinal);

        var mainAppType = Template.Root["parameters"]!["botAppType"]!;
        Assert.Equal("UserAssignedMSI", (string?)mainAppType["defaultValue"]);
        Assert.Equal(["UserAssignedMSI", "SingleTenant"], mainAppType["allowedValues"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public void Bot_endpoint_is_the_web_apps_messages_endpoint()
    {
        var bot = Template.One("Microsoft.BotService/botServices");

        var endpoint = bot.ModuleParameter("endpoint");
        Assert.NotNull(endpoint);
        Assert.StartsWith("[format('https://{0}/api/messages'", endpoint, StringComparison.Ordinal);
        Assert.Contains("outputs.defaultHostName.value", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void Bot_app_id_is_the_identity_client_id_for_managed_identity()
    {
        var bot = Template.One("Microsoft.BotService/botServices");

        var appId = bot.ModuleParameter("appId");
        Assert.Contains("equals(parameters('botAppType'), 'UserAssignedMSI')", appId, StringComparison.Ordinal);
        Assert.Contains("outputs.clientId.value", appId, StringComparison.Ordinal);
        Assert.Contains("parameters('singleTenantAppId')", appId, StringComparison.Ordinal);
        Assert.Contains("outputs.clientId.value", Template.Root["outputs"]!["BOT_APP_ID"]!["value"]!.ToString(), StringComparison.Ordinal);
        // The web app authenticates as the same app id the bot registration names.
        Assert.Equal(appId, Template.One("Microsoft.Web/sites").ModuleParameter("botAppId"));
    }

    [Fact]
    public void Teams_channel_is_enabled()
    {
        var channel = Template.One("Microsoft.BotService/botServices/channels");

        Assert.EndsWith("'MsTeamsChannel')]", (string?)channel.Resource["name"], StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)channel.Properties["channelName"]);
        Assert.True((bool?)channel.Properties["properties"]?["isEnabled"]);
    }

    [Fact]
    public void App_service_plan_is_linux()
    {
        var plan = Template.One("Microsoft.Web/serverfarms");

        Assert.Equal("linux", (string?)plan.Resource["kind"]);
        Assert.True((bool?)plan.Properties["reserved"]);
    }

    [Fact]
    public void Web_app_runs_dotnet_10_securely_with_the_liveness_health_check()
    {
        var site = Template.One("Microsoft.Web/sites");
        var config = site.Properties["siteConfig"]!;

        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool?)site.Properties["httpsOnly"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        // /readyz would take every instance out of rotation during a store outage.
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.Contains("'F1'", site.Expand(config["alwaysOn"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Web_app_runs_as_the_user_assigned_identity()
    {
        var site = Template.One("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", (string?)site.Resource["identity"]?["type"]);
        var identities = site.Resource["identity"]!["userAssignedIdentities"]!.AsObject();
        Assert.Equal("[format('{0}', parameters('identityId'))]", Assert.Single(identities).Key);
        Assert.Equal("[parameters('identityId')]", (string?)site.Properties["keyVaultReferenceIdentity"]);
        Assert.Contains("outputs.id.value", site.ModuleParameter("identityId"), StringComparison.Ordinal);
    }

    [Fact]
    public void Web_app_is_tagged_for_azd()
    {
        var site = Template.One("Microsoft.Web/sites");

        Assert.Contains("'azd-service-name', parameters('azdServiceName')", site.Resource["tags"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("planbot", (string?)site.Template["parameters"]!["azdServiceName"]!["defaultValue"]);
    }

    [Fact]
    public void Cosmos_account_accepts_no_keys_and_is_serverless_by_default()
    {
        var account = Template.One("Microsoft.DocumentDB/databaseAccounts");

        Assert.True((bool?)account.Properties["disableLocalAuth"]);
        Assert.Contains("EnableServerless", account.Properties["capabilities"]!.ToString(), StringComparison.Ordinal);
        Assert.True((bool?)Template.Root["parameters"]!["cosmosServerless"]!["defaultValue"]);
    }

    [Fact]
    public void Cosmos_database_is_planbot()
    {
        var database = Template.One("Microsoft.DocumentDB/databaseAccounts/sqlDatabases");

        Assert.Equal("[parameters('databaseName')]", (string?)database.Properties["resource"]?["id"]);
        Assert.Equal("planbot", (string?)Template.Root["parameters"]!["cosmosDatabaseName"]!["defaultValue"]);
        Assert.Equal("[parameters('cosmosDatabaseName')]", database.ModuleParameter("databaseName"));
    }

    [Theory]
    [InlineData("plans", "/tenantId", null)]
    [InlineData("conversations", "/id", -1)]
    public void Cosmos_containers_have_their_partition_keys(string name, string partitionKey, int? defaultTtl)
    {
        var container = Template.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")
            .Single(c => (string?)c.Properties["resource"]?["id"] == name);
        var resource = container.Properties["resource"]!;

        Assert.Equal([partitionKey], resource["partitionKey"]!["paths"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(defaultTtl, (int?)resource["defaultTtl"]);
    }

    [Fact]
    public void Identity_has_the_cosmos_data_contributor_role()
    {
        var assignment = Template.One("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments");

        Assert.Contains(CosmosDataContributor, assignment.Expand(assignment.Properties["roleDefinitionId"]), StringComparison.Ordinal);
        Assert.Contains("Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions", assignment.Expand(assignment.Properties["roleDefinitionId"]), StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", (string?)assignment.Properties["principalId"]);
        Assert.True(Template.IsIdentityPrincipal(assignment.ModuleParameter("principalId")), assignment.ModuleParameter("principalId"));
        Assert.Contains("Microsoft.DocumentDB/databaseAccounts", (string?)assignment.Properties["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public void Log_analytics_and_workspace_based_application_insights_are_declared()
    {
        Template.One("Microsoft.OperationalInsights/workspaces");
        var insights = Template.One("Microsoft.Insights/components");

        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)insights.Properties["WorkspaceResourceId"], StringComparison.Ordinal);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_soft_delete_with_purge_protection_by_parameter()
    {
        var vault = Template.One("Microsoft.KeyVault/vaults");

        Assert.True((bool?)vault.Properties["enableRbacAuthorization"]);
        Assert.True((bool?)vault.Properties["enableSoftDelete"]);
        Assert.Contains("parameters('enablePurgeProtection')", (string?)vault.Properties["enablePurgeProtection"], StringComparison.Ordinal);
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", vault.ModuleParameter("enablePurgeProtection"));
    }

    [Fact]
    public void Identity_can_read_key_vault_secrets()
    {
        var assignment = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Single(a => a.Expand(a.Properties["roleDefinitionId"]).Contains(KeyVaultSecretsUser, StringComparison.Ordinal));

        Assert.Contains("Microsoft.KeyVault/vaults", (string?)assignment.Resource["scope"], StringComparison.Ordinal);
        Assert.Equal("[parameters('principalId')]", (string?)assignment.Properties["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)assignment.Properties["principalType"]);
        Assert.True(Template.IsIdentityPrincipal(assignment.ModuleParameter("principalId")), assignment.ModuleParameter("principalId"));
    }

    [Fact]
    public void Outputs_name_the_bot_endpoint_app_id_web_app_and_cosmos_endpoint()
    {
        var outputs = Template.Root["outputs"]!.AsObject();

        foreach (var name in new[] { "BOT_ENDPOINT", "BOT_APP_ID", "WEB_APP_NAME", "COSMOS_ENDPOINT", "KEY_VAULT_NAME" })
        {
            Assert.True(outputs.ContainsKey(name), $"missing output {name}");
        }
    }

    [Fact]
    public void Every_resource_type_has_known_api_version_types()
    {
        // BCP081 (no types for this API version) would be a warning in the build output.
        Assert.DoesNotContain("BCP081", compiled.Build.Output, StringComparison.Ordinal);
        Assert.All(Template.Resources, r => Assert.False(string.IsNullOrEmpty((string?)r.Resource["apiVersion"]), r.Type));
    }
}
