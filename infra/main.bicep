// PlanBot on Azure: one resource group holding the bot's identity, Key Vault, Cosmos DB account,
// monitoring, App Service and the Azure Bot registration with its Teams channel.
//
// Resource-group scope, so `azd up` (azure.yaml; AZURE_RESOURCE_GROUP names the group) and a plain
// `az deployment group create` deploy the same template. See docs/DEPLOYMENT.md.
targetScope = 'resourceGroup'

@description('Name of the environment (azd: AZURE_ENV_NAME), e.g. prod. Part of the names and tags.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region of every resource except the bot registration (global).')
param location string = resourceGroup().location

@description('Suffix that makes the default names globally unique.')
param resourceToken string = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))

@description('Name of the user-assigned managed identity.')
param identityName string = 'id-planbot-${resourceToken}'

@description('Name of the Key Vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param keyVaultName string = 'kv-planbot-${resourceToken}'

@description('Name of the Cosmos DB account (3-44 characters, lower case).')
@minLength(3)
@maxLength(44)
param cosmosAccountName string = 'cosmos-planbot-${resourceToken}'

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string = 'log-planbot-${resourceToken}'

@description('Name of the Application Insights component.')
param appInsightsName string = 'appi-planbot-${resourceToken}'

@description('Name of the App Service plan.')
param appServicePlanName string = 'plan-planbot-${resourceToken}'

@description('Name of the web app (host name <name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param webAppName string = 'app-planbot-${resourceToken}'

@description('Bot handle of the Azure Bot registration.')
@minLength(2)
@maxLength(64)
param botName string = 'bot-planbot-${resourceToken}'

@description('App Service plan SKU. F1 is free but has no Always On; B1 or larger for production.')
@allowed([
  'F1'
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('How long an assigned section or a plan in review waits before a reminder, as d.hh:mm:ss (at least a minute).')
param reminderDelay string = '1.00:00:00'

@description('Reminders about one assignment or one round of approval at most; 0 turns reminders off.')
@minValue(0)
@maxValue(20)
param maxReminders int = 3

@description('Cosmos DB serverless capacity; false provisions autoscale throughput (up to 1000 RU/s) on the database.')
param cosmosServerless bool = true

@description('Cosmos DB database name; must match Storage:Cosmos:Database (default planbot).')
param cosmosDatabaseName string = 'planbot'

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('How the bot authenticates: UserAssignedMSI (the managed identity, no secret) or SingleTenant (an app registration; its client secret goes to Key Vault).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('Application (client) id of the single-tenant app registration; used only when botAppType is SingleTenant.')
param singleTenantAppId string = ''

@description('App ID of the PlanBot GitHub App that answers deployment protection rules (docs/GATES.md); empty leaves GitHub off. Its private key and webhook secret go to Key Vault.')
param gitHubAppId string = ''

@description('Key Vault purge protection. Recommended for production; once on, it cannot be turned off.')
param keyVaultPurgeProtection bool = true

@description('Days a deleted Key Vault or secret stays recoverable.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Object id of the operator who sets the Key Vault secrets (azd: AZURE_PRINCIPAL_ID); empty for none.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId names.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

var tags = {
  'azd-env-name': environmentName
  application: 'planbot'
}

// Key Vault secret names; the operator sets the Slack, bot and GitHub App secrets (docs/DEPLOYMENT.md,
// "Operator commands"; docs/GATES.md), the template makes the export links' signing key.
var secretNames = {
  slackSigningSecret: 'slack-signing-secret'
  slackBotToken: 'slack-bot-token'
  microsoftAppPassword: 'microsoft-app-password'
  exportSigningKey: 'export-signing-key'
  gitHubAppPrivateKey: 'github-app-private-key'
  gitHubWebhookSecret: 'github-webhook-secret'
}

module identity 'modules/identity.bicep' = {
  name: 'planbot-identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'planbot-keyvault'
  params: {
    name: keyVaultName
    location: location
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    exportSigningKeyName: secretNames.exportSigningKey
    tags: tags
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'planbot-cosmos'
  params: {
    accountName: cosmosAccountName
    location: location
    databaseName: cosmosDatabaseName
    serverless: cosmosServerless
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'planbot-monitoring'
  params: {
    logAnalyticsName: logAnalyticsName
    appInsightsName: appInsightsName
    location: location
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'planbot-roles'
  params: {
    principalId: identity.outputs.principalId
    keyVaultName: keyVault.outputs.name
    cosmosAccountName: cosmos.outputs.name
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

var botAppId = botAppType == 'UserAssignedMSI' ? identity.outputs.clientId : singleTenantAppId

module appService 'modules/appservice.bicep' = {
  name: 'planbot-appservice'
  dependsOn: [
    roles
  ]
  params: {
    planName: appServicePlanName
    webAppName: webAppName
    location: location
    skuName: appServiceSku
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    botAppType: botAppType
    botAppId: botAppId
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmos.outputs.databaseName
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    exportSigningKeyUri: keyVault.outputs.exportSigningKeyUri
    secretNames: secretNames
    gitHubAppId: gitHubAppId
    reminderDelay: reminderDelay
    maxReminders: maxReminders
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'planbot-bot'
  params: {
    name: botName
    sku: botSku
    endpoint: 'https://${appService.outputs.defaultHostName}/api/messages'
    appType: botAppType
    appId: botAppId
    identityId: identity.outputs.id
    tags: tags
  }
}

@description('Messaging endpoint registered with the Azure Bot.')
output BOT_ENDPOINT string = bot.outputs.endpoint

@description('The bot\'s Microsoft App ID (the managed identity\'s client id for UserAssignedMSI); pass it to tools/teams-package.sh.')
output BOT_APP_ID string = botAppId

@description('Name of the Azure Bot registration.')
output BOT_NAME string = bot.outputs.name

@description('Name of the web app.')
output WEB_APP_NAME string = appService.outputs.name

@description('Base URL of the web app.')
output WEB_APP_URL string = 'https://${appService.outputs.defaultHostName}'

@description('Cosmos DB document endpoint.')
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint

@description('Name of the Key Vault that holds the Slack secrets.')
output KEY_VAULT_NAME string = keyVault.outputs.name

@description('Tenant id of the bot and the managed identity.')
output AZURE_TENANT_ID string = tenant().tenantId
