// Azure Bot registration for PlanBot, with the Microsoft Teams channel.

@description('Bot handle (globally unique).')
param name string

@description('Display name shown in the Azure portal and channels.')
param displayName string = 'PlanBot'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams are unlimited) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

@description('Messaging endpoint, https://<app>.azurewebsites.net/api/messages.')
param endpoint string

@description('UserAssignedMSI: the bot authenticates as a managed identity. SingleTenant: as an app registration with a client secret.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

@description('Microsoft App ID: the identity\'s client id for UserAssignedMSI, the app registration\'s for SingleTenant.')
param appId string

@description('Resource id of the user-assigned managed identity (UserAssignedMSI only).')
param identityId string = ''

@description('Tags for the bot.')
param tags object = {}

var isManagedIdentity = appType == 'UserAssignedMSI'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Bot registrations are global resources.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: appType
    msaAppId: appId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isManagedIdentity ? identityId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Name of the bot.')
output name string = bot.name

@description('Messaging endpoint the bot registration calls.')
output endpoint string = bot.properties.endpoint
