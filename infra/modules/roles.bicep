// Role assignments for PlanBot's managed identity (and, optionally, for the operator who sets the
// Key Vault secrets). They are created before the web app, so that its first start can resolve
// its Key Vault references and reach Cosmos DB (Entra role propagation can still take minutes).

@description('Object (principal) id of PlanBot\'s user-assigned managed identity.')
param principalId string

@description('Name of the Key Vault holding the Slack secrets.')
param keyVaultName string

@description('Name of the Cosmos DB account.')
param cosmosAccountName string

@description('Object id of the operator who sets the Key Vault secrets; empty for none.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId names.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

// Built-in Azure roles.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficerRoleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
// Built-in Cosmos DB data-plane role "Cosmos DB Built-in Data Contributor".
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2024-11-15' existing = {
  parent: account
  name: cosmosDataContributorRoleId
}

// Read secrets (the Key Vault references in the web app's settings).
resource appSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Read and write items in every container of the account; no key is involved.
resource appCosmosData 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, principalId, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: cosmosDataContributor.id
    principalId: principalId
    scope: account.id
  }
}

// Lets the operator run `az keyvault secret set` against the RBAC-only vault.
resource operatorSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  name: guid(vault.id, operatorPrincipalId, keyVaultSecretsOfficerRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficerRoleId)
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
