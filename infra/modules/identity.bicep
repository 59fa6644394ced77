// The user-assigned managed identity PlanBot runs as. It is the bot's Microsoft App ID when the
// bot's app type is UserAssignedMSI, reads the Slack secrets from Key Vault, and holds the
// Cosmos DB data-plane role: no key or password for any of them is stored anywhere.

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for identity blocks, Key Vault references and the bot registration.')
output id string = identity.id

@description('Client (application) id: the bot\'s Microsoft App ID for UserAssignedMSI.')
output clientId string = identity.properties.clientId

@description('Object (principal) id, for role assignments.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name
