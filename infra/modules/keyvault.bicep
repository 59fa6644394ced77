// Key Vault for the secrets PlanBot cannot avoid: the Slack signing secret and bot token (and the
// bot's client secret when its app type is SingleTenant, the GitHub App's private key and webhook
// secret when there is one), which the operator sets (docs/DEPLOYMENT.md), and the key that signs
// export links, which the template makes. Access is by Azure RBAC only.

@description('Name of the Key Vault (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Purge protection: deleted secrets cannot be purged before the retention ends. It cannot be turned off once on.')
param enablePurgeProtection bool = true

@description('Tags for the vault.')
param tags object = {}

@description('Name of the secret holding the export links\' signing key.')
param exportSigningKeyName string = 'export-signing-key'

// Made inside this deployment and passed to no one: two random GUIDs, base64. Every deployment
// makes a new version (links open during a deployment stop working; they live 15 minutes).
@secure()
@description('The export links\' signing key; leave it to its default, a fresh random key.')
param exportSigningKey string = base64('${newGuid()}${newGuid()}')

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // The service rejects an explicit false: leave the property out instead.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

// Every instance signs export links with this key (Export:SigningKey, a Key Vault reference), so a
// link made by one instance opens on another and after a restart.
resource exportKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: exportSigningKeyName
  properties: {
    value: exportSigningKey
    contentType: 'base64'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Resource id of the vault.')
output id string = vault.id

// With its version: the app setting names this very version, so a deployment that makes a new key
// changes the setting and restarts every instance onto it together. An unversioned reference
// would be refetched by each instance in its own time, up to a day apart, and links made on one
// would not open on another meanwhile.
@description('URI of the export signing key\'s current version.')
output exportSigningKeyUri string = exportKey.properties.secretUriWithVersion

@description('Vault URI, ending with a slash.')
output uri string = vault.properties.vaultUri
