using System.Text.Json.Nodes;

namespace PlanBot.Infrastructure.Tests;

/// <summary>The web app's settings: what the host reads, and no secret in clear.</summary>
[Collection(BicepCollection.Name)]
public sealed class AppSettingsTests(CompiledTemplateFixture compiled)
{
    private const string KeyVaultReference = "[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri'), parameters('secretNames').";

    /// <summary>Every <c>{name, value}</c> pair in the App Service module: its variables and resources.</summary>
    private Dictionary<string, string> Settings()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(site.Template["variables"]);
        Walk(site.Resource);
        return settings;

        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count == 2 && obj["name"] is JsonValue name && obj.ContainsKey("value"):
                    settings.Add(name.ToString(), site.Expand(obj["value"]));
                    break;
                case JsonObject obj:
                    foreach (var (_, child) in obj)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }
    }

    [Fact]
    public void Site_settings_are_the_base_settings_plus_the_single_tenant_password_and_the_github_app()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");

        Assert.Equal("[concat(variables('baseSettings'), variables('passwordSettings'), variables('gitHubSettings'))]", (string?)site.Properties["siteConfig"]?["appSettings"]);
    }

    [Fact]
    public void The_github_apps_key_and_webhook_secret_are_key_vault_references_and_only_with_an_app()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");
        var gitHubSettings = (string?)site.Template["variables"]?["gitHubSettings"];

        Assert.NotNull(gitHubSettings);
        Assert.StartsWith("[if(empty(parameters('gitHubAppId')), ", gitHubSettings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'GitHub__PrivateKey', 'value', format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri'), parameters('secretNames').gitHubAppPrivateKey))", gitHubSettings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'GitHub__WebhookSecret', 'value', format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri'), parameters('secretNames').gitHubWebhookSecret))", gitHubSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("GitHub__PrivateKey", Settings().Keys);
    }

    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Production")]
    [InlineData("URLS", "http://+:8080")]
    [InlineData("Storage__Provider", "Cosmos")]
    [InlineData("MicrosoftAppType", "[parameters('botAppType')]")]
    [InlineData("MicrosoftAppId", "[parameters('botAppId')]")]
    [InlineData("MicrosoftAppTenantId", "[tenant().tenantId]")]
    [InlineData("Tab__AppId", "[parameters('botAppId')]")]
    [InlineData("Tab__Host", "[format('{0}.azurewebsites.net', parameters('webAppName'))]")]
    [InlineData("Storage__Cosmos__Endpoint", "[parameters('cosmosEndpoint')]")]
    [InlineData("Storage__Cosmos__Database", "[parameters('cosmosDatabaseName')]")]
    [InlineData("Storage__Cosmos__ManagedIdentityClientId", "[parameters('identityClientId')]")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING", "[parameters('appInsightsConnectionString')]")]
    [InlineData("Engine__ReminderDelay", "[parameters('reminderDelay')]")]
    [InlineData("Engine__MaxReminders", "[string(parameters('maxReminders'))]")]
    [InlineData("Export__PublicBaseUrl", "[format('https://{0}.azurewebsites.net/', parameters('webAppName'))]")]
    public void Host_settings_are_set(string name, string value)
    {
        var settings = Settings();

        Assert.True(settings.ContainsKey(name), $"missing app setting {name}");
        Assert.Equal(value, settings[name]);
    }

    [Fact]
    public void Cosmos_client_id_is_the_identity_client_id()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");

        Assert.Contains("outputs.clientId.value", site.ModuleParameter("identityClientId"), StringComparison.Ordinal);
        Assert.Contains("outputs.endpoint.value", site.ModuleParameter("cosmosEndpoint"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack__SigningSecret", "slackSigningSecret")]
    [InlineData("Slack__BotToken", "slackBotToken")]
    public void Secret_settings_are_key_vault_references(string name, string secret)
    {
        var settings = Settings();

        Assert.Equal($"{KeyVaultReference}{secret})]", settings[name]);
    }

    [Fact]
    public void Key_vault_references_point_at_the_vault_the_template_creates()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");

        Assert.Contains("outputs.uri.value", site.ModuleParameter("keyVaultUri"), StringComparison.Ordinal);
        var vault = compiled.Template.One("Microsoft.KeyVault/vaults");
        Assert.Contains(".vaultUri", vault.Template["outputs"]!["uri"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Single_tenant_password_is_a_key_vault_reference_and_only_for_single_tenant()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");
        var passwordSettings = (string?)site.Template["variables"]?["passwordSettings"];

        Assert.NotNull(passwordSettings);
        Assert.StartsWith("[if(equals(parameters('botAppType'), 'SingleTenant'), ", passwordSettings, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'MicrosoftAppPassword', 'value', format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)', parameters('keyVaultUri'), parameters('secretNames').microsoftAppPassword))", passwordSettings, StringComparison.Ordinal);
        Assert.DoesNotContain("MicrosoftAppPassword", Settings().Keys);
    }

    [Fact]
    public void Settings_that_look_secret_are_key_vault_references()
    {
        var secretLike = Settings().Where(s =>
            s.Key.EndsWith("Password", StringComparison.OrdinalIgnoreCase)
            || s.Key.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)
            || s.Key.EndsWith("Token", StringComparison.OrdinalIgnoreCase)
            || s.Key.EndsWith("Key", StringComparison.OrdinalIgnoreCase));

        // By the vault and a secret name, or (the export key the template makes) by the secret's versioned URI.
        Assert.All(secretLike, s => Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void No_setting_holds_a_key_or_a_literal_secret()
    {
        Assert.All(Settings(), s =>
        {
            foreach (var marker in new[] { "listKeys", "listConnectionStrings", "primaryMasterKey", "AccountKey", "Password=", "xoxb-", "xapp-", "xoxp-" })
            {
                Assert.DoesNotContain(marker, s.Value, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Fact]
    public void Template_reads_no_account_key_anywhere()
    {
        var json = compiled.Build.StandardOutput;

        foreach (var function in new[] { "listKeys(", "listConnectionStrings(", "listCredentials(", "primaryMasterKey", "primaryKey" })
        {
            Assert.DoesNotContain(function, json, StringComparison.OrdinalIgnoreCase);
        }

        // One secure value only, and it never leaves the vault's deployment: the export key it makes itself.
        var secure = System.Text.RegularExpressions.Regex.Matches(json, "\"type\": \"securestring\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        Assert.Single(secure);
        var vault = compiled.Template.One("Microsoft.KeyVault/vaults");
        Assert.Equal("securestring", (string?)vault.Template["parameters"]?["exportSigningKey"]?["type"]);
    }

    [Fact]
    public void The_export_signing_key_setting_names_the_version_the_vault_just_made()
    {
        var site = compiled.Template.One("Microsoft.Web/sites");
        var vault = compiled.Template.One("Microsoft.KeyVault/vaults");

        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('exportSigningKeyUri'))]", Settings()["Export__SigningKey"]);
        Assert.Contains("outputs.exportSigningKeyUri.value", site.ModuleParameter("exportSigningKeyUri"), StringComparison.Ordinal);
        Assert.Contains("secretUriWithVersion", vault.Template["outputs"]!["exportSigningKeyUri"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_template_makes_the_export_signing_key_in_the_vault_from_a_fresh_random_value()
    {
        var vault = compiled.Template.One("Microsoft.KeyVault/vaults");
        var secret = compiled.Template.OfType("Microsoft.KeyVault/vaults/secrets").Single();

        Assert.Equal("[base64(format('{0}{1}', newGuid(), newGuid()))]", (string?)vault.Template["parameters"]!["exportSigningKey"]!["defaultValue"]);
        Assert.Equal("[parameters('exportSigningKey')]", (string?)secret.Properties["value"]);
        Assert.Null(compiled.Template.Module("planbot-keyvault")["properties"]!["parameters"]!["exportSigningKey"]);
        Assert.Contains("export-signing-key", compiled.Build.StandardOutput, StringComparison.Ordinal);
    }
}
