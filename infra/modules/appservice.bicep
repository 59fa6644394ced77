// Linux App Service plan and the web app hosting src/PlanBot.Host on .NET 10.

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app (its host name is <name>.azurewebsites.net).')
param webAppName string

@description('Azure region.')
param location string

@description('App Service plan SKU. F1 (Free) has no Always On.')
param skuName string

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of that identity (Cosmos DB credential, and the bot app id for UserAssignedMSI).')
param identityClientId string

@description('Bot app type: UserAssignedMSI (no secret) or SingleTenant (client secret in Key Vault).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string

@description('The bot\'s Microsoft App ID.')
param botAppId string

@description('Cosmos DB document endpoint.')
param cosmosEndpoint string

@description('Cosmos DB database name.')
param cosmosDatabaseName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault URI, ending with a slash.')
param keyVaultUri string

@description('Key Vault secret names the app settings refer to.')
param secretNames {
  slackSigningSecret: string
  slackBotToken: string
  microsoftAppPassword: string
  exportSigningKey: string
  gitHubAppPrivateKey: string
  gitHubWebhookSecret: string
}

@description('URI of the export links\' signing key in Key Vault, with its version (keyvault.bicep makes it).')
param exportSigningKeyUri string

@description('App ID of the PlanBot GitHub App; empty leaves GitHub deployment protection rules off.')
param gitHubAppId string = ''

@description('How long an assigned section or a plan in review waits before a reminder (Engine:ReminderDelay, d.hh:mm:ss).')
param reminderDelay string = '1.00:00:00'

@description('Reminders about one assignment or one round of approval at most (Engine:MaxReminders); 0 turns reminders off.')
@minValue(0)
@maxValue(20)
param maxReminders int = 3

@description('Tags for the plan and the app (the app also gets azd-service-name).')
param tags object = {}

@description('Value of the azd-service-name tag azd uses to find the app to deploy to.')
param azdServiceName string = 'planbot'

var alwaysOn = skuName != 'F1'

// Key Vault references: App Service resolves them when it loads the settings, as the identity that
// keyVaultReferenceIdentity names. No version in the URI, so the latest version of the secret is
// used; a secret that does not exist yet leaves the literal reference in the setting until it is
// set and the app restarted (docs/DEPLOYMENT.md).
var baseSettings = [
  {
    name: 'ASPNETCORE_ENVIRONMENT'
    value: 'Production'
  }
  {
    // The repository's appsettings.json binds 127.0.0.1:3978 for local runs, and a JSON file
    // outranks ASPNETCORE_URLS; an unprefixed URLS variable outranks the file. App Service sends
    // traffic to port 8080 of the built-in .NET container.
    name: 'URLS'
    value: 'http://+:8080'
  }
  {
    name: 'MicrosoftAppType'
    value: botAppType
  }
  {
    name: 'MicrosoftAppId'
    value: botAppId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: tenant().tenantId
  }
  {
    // The Teams tab's single sign-on: tokens for api://<this host>/<bot app id>, the bot's app
    // registration exposing that URI (docs/DEPLOYMENT.md, "Teams tab").
    name: 'Tab__AppId'
    value: botAppId
  }
  {
    name: 'Tab__Host'
    value: '${webAppName}.azurewebsites.net'
  }
  {
    name: 'Storage__Provider'
    value: 'Cosmos'
  }
  {
    name: 'Storage__Cosmos__Endpoint'
    value: cosmosEndpoint
  }
  {
    name: 'Storage__Cosmos__Database'
    value: cosmosDatabaseName
  }
  {
    // The Cosmos DB client authenticates as this identity (data-plane role in roles.bicep).
    name: 'Storage__Cosmos__ManagedIdentityClientId'
    value: identityClientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsightsConnectionString
  }
  {
    name: 'Engine__ReminderDelay'
    value: reminderDelay
  }
  {
    name: 'Engine__MaxReminders'
    value: string(maxReminders)
  }
  {
    // Application Insights auto-instrumentation agent for Linux App Service.
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  {
    name: 'Slack__SigningSecret'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.slackSigningSecret}/)'
  }
  {
    name: 'Slack__BotToken'
    value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.slackBotToken}/)'
  }
  {
    // Made by the template (keyvault.bicep), named with its version; the host refuses to start
    // without it outside Development.
    name: 'Export__SigningKey'
    value: '@Microsoft.KeyVault(SecretUri=${exportSigningKeyUri})'
  }
  {
    // Export links point here; the web app's own host name, as the bot's endpoint is.
    name: 'Export__PublicBaseUrl'
    value: 'https://${webAppName}.azurewebsites.net/'
  }
]

// SingleTenant needs the app registration's client secret; UserAssignedMSI needs none.
var passwordSettings = botAppType == 'SingleTenant'
  ? [
      {
        name: 'MicrosoftAppPassword'
        value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.microsoftAppPassword}/)'
      }
    ]
  : []

// The GitHub App, when there is one: its id in clear, its private key (PEM) and webhook secret from
// Key Vault. The host refuses to start with the app half configured or a reference unresolved.
var gitHubSettings = empty(gitHubAppId)
  ? []
  : [
      {
        name: 'GitHub__AppId'
        value: gitHubAppId
      }
      {
        name: 'GitHub__PrivateKey'
        value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.gitHubAppPrivateKey}/)'
      }
      {
        name: 'GitHub__WebhookSecret'
        value: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.gitHubWebhookSecret}/)'
      }
    ]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve as the user-assigned identity (there is no system identity).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: alwaysOn
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // /healthz (process alive), NOT /readyz (store reachable): App Service takes an instance
      // that fails its health check out of rotation and replaces it, so a Cosmos DB outage seen
      // by /readyz would pull every instance out at once and turn a degraded bot into a dead one.
      // /readyz is for alerts and for the success criteria in docs/DEPLOYMENT.md.
      healthCheckPath: '/healthz'
      appSettings: concat(baseSettings, passwordSettings, gitHubSettings)
    }
  }
}

// Deployment uses Microsoft Entra tokens (azd, az webapp deploy); no publishing passwords.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the web app.')
output name string = webApp.name

@description('Default host name, e.g. <name>.azurewebsites.net.')
output defaultHostName string = webApp.properties.defaultHostName
