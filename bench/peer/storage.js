/*
 * The bot's storage, chosen by PEER_STORAGE: the SDK's MemoryStorage, or its
 * CosmosDbPartitionedStorage on a local Cosmos DB server (tools/cosmos).
 */
"use strict";

const https = require("https");
const { MemoryStorage } = require("botbuilder");

async function createCosmosStorage(env) {
  // Required here so a MemoryStorage run does not load the Cosmos SDK at all.
  const { CosmosClient } = require("@azure/cosmos");
  const { CosmosDbPartitionedStorage } = require("botbuilder-azure");
  const endpoint = env.PEER_COSMOS_ENDPOINT;
  const key = env.PEER_COSMOS_KEY;
  const databaseId = env.PEER_COSMOS_DATABASE || "planbot-peer";
  const containerId = env.PEER_COSMOS_CONTAINER || "bot-state";
  if (!endpoint || !key) throw new Error("PEER_STORAGE=cosmos needs PEER_COSMOS_ENDPOINT and PEER_COSMOS_KEY");
  // The certificate check is off below, which is only acceptable for a server on this machine.
  const { hostname } = new URL(endpoint);
  if (hostname !== "127.0.0.1" && hostname !== "localhost") throw new Error(`PEER_COSMOS_ENDPOINT must be on loopback, not ${hostname}`);

  const cosmosClientOptions = {
    // The local server makes a self-signed certificate at every start; keep-alive as the SDK's own agent does.
    agent: new https.Agent({ rejectUnauthorized: false, keepAlive: true }),
    // Only this endpoint: no lookup of the account's other regions (the .NET host sets LimitToEndpoint).
    connectionPolicy: { enableEndpointDiscovery: false },
  };
  // CosmosDbPartitionedStorage makes its container but expects the database to exist.
  await new CosmosClient({ endpoint, key, ...cosmosClientOptions }).databases.createIfNotExists({ id: databaseId });
  const storage = new CosmosDbPartitionedStorage({
    cosmosDbEndpoint: endpoint,
    authKey: key,
    databaseId,
    containerId,
    // A new container partitioned by /id, the SDK's recommended setting for new bots.
    compatibilityMode: false,
    cosmosClientOptions,
  });
  // Make the container now rather than in the first turn.
  await storage.read(["peer-startup"]);
  return storage;
}

async function createStorage(env) {
  const kind = (env.PEER_STORAGE || "memory").toLowerCase();
  if (kind === "memory") return new MemoryStorage();
  if (kind === "cosmos") return createCosmosStorage(env);
  throw new Error(`PEER_STORAGE must be memory or cosmos, not ${kind}`);
}

module.exports = { createStorage };
