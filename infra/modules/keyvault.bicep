// Key Vault for the secrets PlanBot cannot avoid: the Slack signing secret and bot token (and the
// bot's client secret when its app type is SingleTenant, the GitHub App's private key and webhook
// secret when there is one). Access is by Azure RBAC only; the
// template creates no secret: the operator sets them (docs/DEPLOYMENT.md).

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

@description('Name of the vault.')
output name string = vault.name

@description('Resource id of the vault.')
output id string = vault.id

@description('Vault URI, ending with a slash.')
output uri string = vault.properties.vaultUri
