#!/usr/bin/env node
/*
 * Local Cosmos DB (NoSQL API) server for development and tests.
 *
 * Starts @vercel/cosmosdb-server through its JS API on 127.0.0.1 and wraps its
 * request handling so that the .NET SDK (Microsoft.Azure.Cosmos, Gateway mode)
 * works against it. See README.md beside this file for what is fixed and what
 * is not supported.
 *
 * Environment:
 *   COSMOS_PORT        port to listen on (default 8081; 0 picks a free port)
 *   COSMOS_HTTP=1      serve plain HTTP instead of HTTPS
 *   COSMOS_CERT_OUT    if set, the generated certificate (public part) is written there
 *   COSMOS_PARENT_PID  pid to watch instead of the parent process; exit when it is gone
 *   COSMOS_LOG=1       log every request (method, path, status, time, body bytes in and out) to stderr
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const crypto = require("crypto");
const { execFileSync } = require("child_process");

const HOST = "127.0.0.1";
const PKG = "@vercel/cosmosdb-server";

// Capture the account the package creates when it starts listening: its
// handlers keep it in a closure, and the fixes below need its data.
const accountModule = require(`${PKG}/lib/account`);
let account = null;
{
  const BaseAccount = accountModule.default;
  accountModule.default = class CapturedAccount extends BaseAccount {
    constructor(...args) {
      super(...args);
      account = this;
    }
  };
}

const cosmos = require(PKG);
const Items = require(`${PKG}/lib/account/items`).default;
const Documents = require(`${PKG}/lib/account/documents`).default;
const Collections = require(`${PKG}/lib/account/collections`).default;
const { default: parseQuery, SyntaxError: QuerySyntaxError } = require("@zeit/cosmosdb-query");

// ---------------------------------------------------------------------------
// Write sequence numbers (change feed) and write times (TTL)
// ---------------------------------------------------------------------------

// Every stored document object is a fresh object per write, so a WeakMap keyed
// by it holds that version's sequence number and write time.
const writeMeta = new WeakMap();
let writeSeq = 0;

const baseDocumentsSet = Documents.prototype._set;
Documents.prototype._set = function setWithMeta(data) {
  const stored = baseDocumentsSet.call(this, data);
  writeSeq += 1;
  writeMeta.set(stored, { seq: writeSeq, at: Date.now() });
  return stored;
};

// Replacing a container (e.g. to change its defaultTtl) makes a new Collection
// object with empty documents in the package; carry the contents over.
const baseCollectionsReplace = Collections.prototype.replace;
Collections.prototype.replace = function replaceKeepingContents(data, original) {
  const before = original && this._data.get(original._rid);
  const result = baseCollectionsReplace.call(this, data, original);
  const after = this._data.get(result._rid);
  if (before && after && before !== after) {
    for (const key of ["documents", "userDefinedFunctions", "partitionKeyRanges"]) {
      after[key] = before[key];
      after[key]._parent = after;
    }
  }
  return result;
};

function metaOf(doc) {
  return writeMeta.get(doc) || { seq: 0, at: (doc._ts || 0) * 1000 };
}

// ---------------------------------------------------------------------------
// TTL
// ---------------------------------------------------------------------------

/** Seconds to live for a document, or null when it never expires. */
function ttlSeconds(collData, doc) {
  const containerTtl = collData ? collData.defaultTtl : undefined;
  if (containerTtl === undefined || containerTtl === null) return null; // TTL off
  const own = doc.ttl;
  const ttl = typeof own === "number" && Number.isInteger(own) && (own > 0 || own === -1) ? own : containerTtl;
  return typeof ttl === "number" && ttl > 0 ? ttl : null;
}

function isExpired(collData, doc, now) {
  const ttl = ttlSeconds(collData, doc);
  return ttl !== null && metaOf(doc).at + ttl * 1000 <= now;
}

function ttlEnabled(collData) {
  return !!collData && collData.defaultTtl !== undefined && collData.defaultTtl !== null;
}

function sweepCollection(collection, now = Date.now()) {
  const collData = collection.read();
  if (!ttlEnabled(collData)) return 0;
  const docs = collection.documents;
  const expired = [];
  for (const item of docs._data.values()) {
    const doc = item.read();
    if (doc && isExpired(collData, doc, now)) expired.push(doc);
  }
  for (const doc of expired) {
    try {
      docs.delete(doc.id, docs._getPartition(doc));
    } catch (err) {
      // already gone
    }
  }
  return expired.length;
}

function sweepAll() {
  if (!account) return;
  const now = Date.now();
  for (const dbItem of account.databases._data.values()) {
    for (const collItem of dbItem.collections._data.values()) {
      sweepCollection(collItem, now);
    }
  }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function header(req, name) {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function isTrue(req, name) {
  const v = header(req, name);
  return typeof v === "string" && v.toLowerCase() === "true";
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", c => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function cosmosError(code, message) {
  return { code, message: `Message: {"Errors":["${message}"]}` };
}

const STATUS_CODES = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  412: "PreconditionFailed",
  413: "RequestEntityTooLarge",
  429: "TooManyRequests",
  500: "InternalServerError"
};

function send(req, res, status, body, extraHeaders = {}) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", crypto.randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  for (const [k, v] of Object.entries(extraHeaders)) res.setHeader(k, v);
  res.end(body === undefined ? "" : JSON.stringify(body));
}

/** Value of a partition key path ("/a/b") in a document; undefined if absent. */
function valueAt(doc, keyPath) {
  let v = doc;
  for (const part of keyPath.slice(1).split("/")) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[part];
  }
  return v;
}

function partitionPaths(collData) {
  const paths = ((collData && collData.partitionKey) || {}).paths;
  return Array.isArray(paths) && paths.length ? paths : ["/id"];
}

/**
 * Parses the x-ms-documentdb-partitionkey header into a list of values, one per
 * partition key path; null when the request has none. `[{}]` (PartitionKey.None)
 * becomes [undefined]: it matches documents without the property.
 */
function requestedPartition(req) {
  const raw = header(req, "x-ms-documentdb-partitionkey");
  if (raw === undefined || raw === "") return null;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    return null;
  }
  if (!Array.isArray(parsed)) parsed = [parsed];
  return parsed.map(v => (v !== null && typeof v === "object" && Object.keys(v).length === 0 ? undefined : v));
}

function partitionMatches(collData, doc, wanted) {
  if (!wanted) return true;
  const paths = partitionPaths(collData);
  for (let i = 0; i < wanted.length && i < paths.length; i += 1) {
    const actual = valueAt(doc, paths[i]);
    if (wanted[i] === undefined ? actual !== undefined : actual !== wanted[i]) return false;
  }
  return true;
}

function collectionOf(params) {
  return account.database(params.dbId).collection(params.collId);
}

/** Live documents of a collection, filtered by partition and TTL. */
function liveDocuments(collection, wanted) {
  const collData = collection.read();
  const now = Date.now();
  const out = [];
  for (const item of collection.documents._data.values()) {
    const doc = item.read();
    if (!doc) continue;
    if (isExpired(collData, doc, now)) continue;
    if (!partitionMatches(collData, doc, wanted)) continue;
    out.push(doc);
  }
  return out;
}

const notFoundBody = () => cosmosError("NotFound", "Resource Not Found");

function collectionNotFound(req, res) {
  send(req, res, 404, notFoundBody(), { "x-ms-substatus": "1003" });
}

// ---------------------------------------------------------------------------
// Handlers that replace the package's
// ---------------------------------------------------------------------------

/** Query plan: leave the whole query to the server (one partition range). */
async function handleQueryPlan(req, res) {
  let spec;
  try {
    spec = JSON.parse((await readBody(req)) || "{}");
  } catch (err) {
    send(req, res, 400, cosmosError("BadRequest", "invalid query body"));
    return;
  }
  const sql = spec && typeof spec.query === "string" ? spec.query : "";
  try {
    parseQuery(sql); // reject what the engine cannot run, before the SDK sends the query
  } catch (err) {
    if (err instanceof QuerySyntaxError) {
      send(req, res, 400, cosmosError("BadRequest", `Syntax error (unsupported by the local server): ${err.message}`));
      return;
    }
    throw err;
  }
  const hasSelectValue = /^\s*SELECT\s+(TOP\s+\S+\s+)?VALUE\b/i.test(sql);
  send(req, res, 200, {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: "None",
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: "",
      hasSelectValue,
      hasNonStreamingOrderBy: false
    },
    queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }]
  });
}

function parseContinuation(req) {
  const raw = header(req, "x-ms-continuation");
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch (err) {
    return null;
  }
}

function maxItemCount(req) {
  const raw = header(req, "x-ms-max-item-count");
  const n = raw === undefined ? NaN : parseInt(raw, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function runQuery(req, res, collection, spec) {
  const docs = liveDocuments(collection, requestedPartition(req));
  const documents = collection.documents;
  const collData = collection.read();
  const compositeIndexes = (collData.indexingPolicy && collData.indexingPolicy.compositeIndexes) || [];
  let result;
  try {
    result = documents._getQuery(spec.query).exec(docs, {
      parameters: spec.parameters,
      udf: documents._userDefinedFunctions(),
      maxItemCount: maxItemCount(req),
      continuation: parseContinuation(req),
      compositeIndexes
    });
  } catch (err) {
    send(req, res, 400, cosmosError("BadRequest", err.message));
    return;
  }
  const headers = { "x-ms-item-count": String(result.result.length) };
  if (result.continuation) headers["x-ms-continuation"] = JSON.stringify(result.continuation);
  send(req, res, 200, { _rid: collData._rid, Documents: result.result, _count: result.result.length }, headers);
}

/** SQL query on documents, filtered by the partition key header and TTL. */
async function handleQuery(req, res, params) {
  const raw = await readBody(req);
  const collection = collectionOf(params);
  if (!collection.read()) {
    collectionNotFound(req, res);
    return;
  }
  let spec;
  try {
    spec = JSON.parse(raw);
  } catch (err) {
    send(req, res, 400, cosmosError("BadRequest", "invalid query body"));
    return;
  }
  if (!spec || typeof spec.query !== "string") {
    send(req, res, 400, cosmosError("BadRequest", "missing query"));
    return;
  }
  runQuery(req, res, collection, spec);
}

/** Change feed (latest version): every write gets a sequence number, the etag is the last one returned. */
function handleChangeFeed(req, res, params) {
  const collection = collectionOf(params);
  const collData = collection.read();
  if (!collData) {
    collectionNotFound(req, res);
    return;
  }
  const ifNoneMatch = header(req, "if-none-match");
  const ifModifiedSince = header(req, "if-modified-since");
  if (ifNoneMatch === "*") {
    // Start from now.
    send(req, res, 304, undefined, { etag: `"${writeSeq}"`, "x-ms-item-count": "0" });
    return;
  }
  let since = 0;
  if (ifNoneMatch) {
    const n = parseInt(String(ifNoneMatch).replace(/"/g, ""), 10);
    since = Number.isFinite(n) ? n : 0;
  }
  const sinceTime = !ifNoneMatch && ifModifiedSince ? Date.parse(ifModifiedSince) : NaN;
  const limit = maxItemCount(req) || 100;
  const changed = liveDocuments(collection, requestedPartition(req))
    .map(doc => ({ doc, meta: metaOf(doc) }))
    .filter(({ meta }) => meta.seq > since && (!Number.isFinite(sinceTime) || meta.at >= sinceTime))
    .sort((a, b) => a.meta.seq - b.meta.seq)
    .slice(0, limit);
  if (changed.length === 0) {
    send(req, res, 304, undefined, { etag: `"${since}"`, "x-ms-item-count": "0" });
    return;
  }
  const last = changed[changed.length - 1].meta.seq;
  const docs = changed.map(({ doc, meta }) => ({ ...doc, _lsn: meta.seq }));
  send(req, res, 200, { _rid: collData._rid, Documents: docs, _count: docs.length }, {
    etag: `"${last}"`,
    "x-ms-item-count": String(docs.length)
  });
}

/** Point read: 404 (not 500) when missing, honours TTL, partition key and If-None-Match. */
function handleReadDocument(req, res, params) {
  const collection = collectionOf(params);
  const collData = collection.read();
  if (!collData) {
    collectionNotFound(req, res);
    return;
  }
  const wanted = requestedPartition(req);
  const documents = collection.documents;
  // The package indexes documents by (first partition key value || id, id).
  let doc = wanted ? documents._item("/id", params.docId, wanted[0]).read() : undefined;
  if (!doc) doc = liveDocuments(collection, wanted).find(d => d.id === params.docId);
  if (!doc || isExpired(collData, doc, Date.now()) || !partitionMatches(collData, doc, wanted) || doc.id !== params.docId) {
    send(req, res, 404, notFoundBody());
    return;
  }
  const ifNoneMatch = header(req, "if-none-match");
  if (ifNoneMatch && (ifNoneMatch === doc._etag || ifNoneMatch === "*")) {
    send(req, res, 304, undefined, { etag: doc._etag });
    return;
  }
  send(req, res, 200, doc, { etag: doc._etag });
}

/** Read feed (GET .../docs without A-IM): same as SELECT * with filters. */
function handleReadFeed(req, res, params) {
  const collection = collectionOf(params);
  if (!collection.read()) {
    collectionNotFound(req, res);
    return;
  }
  runQuery(req, res, collection, { query: "SELECT * FROM c" });
}

const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** Documents are limited to 2 MB, as in the service. */
async function handleTooLarge(req, res) {
  await readBody(req);
  send(req, res, 413, cosmosError("RequestEntityTooLarge", "Request size is too large"));
}

/** TransactionalBatch and bulk send a binary format the package cannot read: say so clearly. */
async function handleBatch(req, res) {
  await readBody(req);
  send(req, res, 400, cosmosError("BadRequest", "TransactionalBatch and bulk execution are not supported by the local Cosmos server"));
}

// ---------------------------------------------------------------------------
// Dispatch
// ---------------------------------------------------------------------------

const DOCS = /^\/+dbs\/([^/]+)\/colls\/([^/]+)\/docs\/?$/;
const DOC = /^\/+dbs\/([^/]+)\/colls\/([^/]+)\/docs\/([^/]+)\/?$/;

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch (err) {
    return s;
  }
}

/** Adds a Cosmos-shaped body to the package's error answers. */
function withErrorShape(res) {
  const end = res.end;
  res.end = function endWithShape(chunk, ...rest) {
    if (res.statusCode >= 400 && !res.headersSent) {
      let body = {};
      try {
        body = chunk ? JSON.parse(chunk.toString()) : {};
      } catch (err) {
        body = { message: String(chunk) };
      }
      if (!body || typeof body !== "object") body = {};
      if (!body.code) body.code = STATUS_CODES[res.statusCode] || "Error";
      if (!body.message) body.message = body.code;
      const text = JSON.stringify(body);
      res.setHeader("content-length", Buffer.byteLength(text));
      return end.call(this, text, ...rest);
    }
    return end.call(this, chunk, ...rest);
  };
}

function route(req) {
  const pathname = (req.url || "/").split("?")[0];
  let m = DOC.exec(pathname);
  if (m) {
    const params = { dbId: decode(m[1]), collId: decode(m[2]), docId: decode(m[3]) };
    if (req.method === "GET") return [handleReadDocument, params, false];
    return [null, params, true];
  }
  m = DOCS.exec(pathname);
  if (m) {
    const params = { dbId: decode(m[1]), collId: decode(m[2]) };
    if (req.method === "POST" && isTrue(req, "x-ms-cosmos-is-query-plan-request")) return [handleQueryPlan, params, false];
    if (req.method === "POST" && (isTrue(req, "x-ms-documentdb-isquery") || /application\/query\+json/i.test(header(req, "content-type") || ""))) {
      return [handleQuery, params, false];
    }
    if (req.method === "POST" && isTrue(req, "x-ms-cosmos-is-batch-request")) return [handleBatch, params, false];
    if (req.method === "GET" && header(req, "a-im")) return [handleChangeFeed, params, false];
    if (req.method === "GET") return [handleReadFeed, params, false];
    return [null, params, true];
  }
  return [null, null, false];
}

/** Counts the body bytes a response writes (for the request log); returns a function that reads the count. */
function countBytesOut(res) {
  let bytes = 0;
  const add = (chunk, encoding) => {
    if (typeof chunk === "string") bytes += Buffer.byteLength(chunk, typeof encoding === "string" ? encoding : "utf8");
    else if (chunk && chunk.length !== undefined) bytes += chunk.length;
  };
  const write = res.write;
  const end = res.end;
  res.write = function writeCounted(chunk, ...rest) {
    add(chunk, rest[0]);
    return write.call(this, chunk, ...rest);
  };
  res.end = function endCounted(chunk, ...rest) {
    if (typeof chunk !== "function") add(chunk, rest[0]);
    return end.call(this, chunk, ...rest);
  };
  return () => bytes;
}

function createServer(certKey) {
  const opts = { keepAlive: true };
  const server = process.env.COSMOS_HTTP === "1" ? cosmos.createHttpServer(opts) : cosmos.createHttpsServer({ ...opts, ...certKey });
  const [inner] = server.listeners("request");
  server.removeAllListeners("request");
  const log = process.env.COSMOS_LOG === "1";
  server.on("request", (req, res) => {
    const started = process.hrtime.bigint();
    let handler;
    let params;
    let isDocWrite;
    try {
      [handler, params, isDocWrite] = route(req);
      if (isDocWrite && account) sweepCollection(collectionOf(params)); // never conflict with an expired item
      if (isDocWrite && parseInt(header(req, "content-length") || "0", 10) > MAX_DOCUMENT_BYTES) handler = handleTooLarge;
    } catch (err) {
      handler = null;
    }
    if (log) {
      const kind = handler ? handler.name.replace(/^handle/, "") : "package";
      const bytesIn = parseInt(header(req, "content-length") || "0", 10) || 0;
      const bytesOut = countBytesOut(res);
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        process.stderr.write(`${req.method} ${req.url} ${res.statusCode} ${kind} ${ms.toFixed(2)}ms in=${bytesIn} out=${bytesOut()}\n`);
      });
    }
    if (!handler) {
      withErrorShape(res);
      inner(req, res);
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res, params))
      .catch(err => {
        process.stderr.write(`cosmos server error: ${err && err.stack ? err.stack : err}\n`);
        if (!res.headersSent) send(req, res, 500, cosmosError("InternalServerError", String(err && err.message)));
        else res.end();
      });
  });
  // Let clients keep connections open; they close idle ones first.
  server.keepAliveTimeout = 10 * 60 * 1000;
  server.headersTimeout = 11 * 60 * 1000;
  server.requestTimeout = 0;
  return server;
}

// ---------------------------------------------------------------------------
// Certificate, lifecycle
// ---------------------------------------------------------------------------

function makeCertificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cosmos-cert-"));
  try {
    const keyFile = path.join(dir, "key.pem");
    const certFile = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-days", "30", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout", keyFile, "-out", certFile
      ],
      { stdio: ["ignore", "ignore", "pipe"] }
    );
    return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
  } catch (err) {
    process.stderr.write(`could not make a certificate with openssl (install openssl, or set COSMOS_HTTP=1): ${err.message}\n`);
    process.exit(1);
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const port = process.env.COSMOS_PORT === undefined || process.env.COSMOS_PORT === "" ? 8081 : parseInt(process.env.COSMOS_PORT, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid COSMOS_PORT: ${process.env.COSMOS_PORT}\n`);
    process.exit(2);
  }
  const http = process.env.COSMOS_HTTP === "1";
  const certKey = http ? {} : makeCertificate();
  if (!http && process.env.COSMOS_CERT_OUT) fs.writeFileSync(process.env.COSMOS_CERT_OUT, certKey.cert);

  const server = createServer(certKey);
  server.on("error", err => {
    process.stderr.write(`cosmos server: ${err.message}\n`);
    process.exit(1);
  });
  server.listen(port, HOST, () => {
    const actual = server.address().port;
    process.stdout.write(`Cosmos server listening on ${http ? "http" : "https"}://${HOST}:${actual}\n`);
  });

  const sweeper = setInterval(sweepAll, 1000);
  sweeper.unref();

  const stop = () => process.exit(0);
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("SIGHUP", stop);

  // Exit when the process that started us is gone.
  const watched = process.env.COSMOS_PARENT_PID ? parseInt(process.env.COSMOS_PARENT_PID, 10) : process.ppid;
  const initialParent = process.ppid;
  if (Number.isInteger(watched) && watched > 1) {
    setInterval(() => {
      if (!process.env.COSMOS_PARENT_PID && process.ppid !== initialParent) stop();
      try {
        process.kill(watched, 0);
      } catch (err) {
        if (err.code === "ESRCH") stop();
      }
    }, 1000);
  }
}

if (require.main === module) main();

module.exports = { createServer, sweepAll };
