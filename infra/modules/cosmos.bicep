// Azure Cosmos DB (NoSQL API) account, the planbot database and its containers.
//
// The container names, partition key paths and TTL settings below MUST match
// src/PlanBot.Storage.Cosmos: a partition key cannot be changed after a container is created.
//   plans          partition key /tenantId  (a plan belongs to one tenant)
//   conversations  partition key /id        (TTL on, items expire only when they set ttl)
//
// Local (key) authentication is disabled: the app authenticates with its managed identity, which
// gets the built-in data-plane role in roles.bicep.

@description('Name of the Cosmos DB account (3-44 characters, lower case, globally unique).')
@minLength(3)
@maxLength(44)
param accountName string

@description('Azure region (serverless accounts have exactly one).')
param location string

@description('Name of the SQL database.')
param databaseName string = 'planbot'

@description('Serverless capacity (pay per request unit). False provisions autoscale throughput on the database.')
param serverless bool = true

@description('Autoscale maximum RU/s of the shared database throughput when serverless is false.')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Tags for the account.')
param tags object = {}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    // No account keys: every data-plane call needs a Microsoft Entra token.
    disableLocalAuth: true
    // Databases and containers change through Azure Resource Manager only.
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource plans 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = {
  parent: database
  name: 'plans'
  properties: {
    resource: {
      id: 'plans'
      partitionKey: {
        paths: ['/tenantId']
        kind: 'Hash'
        version: 2
      }
      // One plan per release in a tenant: enforced by Cosmos in the request that creates it.
      uniqueKeyPolicy: {
        uniqueKeys: [
          { paths: ['/releaseKey'] }
        ]
      }
      // Only what the queries filter and sort on is indexed; plans are read by id otherwise.
      indexingPolicy: {
        indexingMode: 'consistent'
        includedPaths: [
          { path: '/releaseKey/?' }
          { path: '/productKey/?' }
          { path: '/createdAt/?' }
          { path: '/remindAt/?' }
          { path: '/gateAt/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

resource conversations 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = {
  parent: database
  name: 'conversations'
  properties: {
    resource: {
      id: 'conversations'
      partitionKey: {
        paths: ['/id']
        kind: 'Hash'
        version: 2
      }
      // -1: TTL is on, and an item expires only when it sets its own ttl.
      defaultTtl: -1
      // Read by id only: nothing to index.
      indexingPolicy: {
        indexingMode: 'consistent'
        includedPaths: []
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

resource tenants 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = {
  parent: database
  name: 'tenants'
  properties: {
    resource: {
      id: 'tenants'
      partitionKey: {
        paths: ['/id']
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        includedPaths: []
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

@description('Name of the account.')
output name string = account.name

@description('Resource id of the account.')
output id string = account.id

@description('Document endpoint, e.g. https://<account>.documents.azure.com:443/.')
output endpoint string = account.properties.documentEndpoint

@description('Name of the database.')
output databaseName string = database.name
