#!/usr/bin/env node
/*
 * The peer of PlanBot's load benchmark: PlanBot's interview on the official Bot Framework SDK for
 * JavaScript (botbuilder 4.23), served like an SDK sample (express, CloudAdapter, POST
 * /api/messages). No app id, so inbound authentication is off, as for PlanBot in Development;
 * replies go to the activity's serviceUrl (the benchmark's fake Connector). Binds 127.0.0.1 only.
 *
 * Environment:
 *   PEER_PORT              port (default 3978; 0 picks a free one, read it from the ready line)
 *   PEER_CHECKLIST         JSON file of the questions, in order: [{ id, text, kind, hint, section, sectionTitle }]
 *                          (the load benchmark writes it from PlanBot's checklist)
 *   PEER_STORAGE           memory (default) or cosmos
 *   PEER_COSMOS_ENDPOINT   with cosmos: a loopback endpoint (https://127.0.0.1:<port>); its certificate is not checked
 *   PEER_COSMOS_KEY        with cosmos: the account key (any base64 for the local server)
 *   PEER_COSMOS_DATABASE   with cosmos: the database, made if missing (default planbot-peer)
 *   PEER_COSMOS_CONTAINER  with cosmos: the container, made if missing (default bot-state)
 *   PEER_PARENT_PID        exit when this pid is gone (default: when the parent process is gone)
 * Prints "Peer bot listening on http://127.0.0.1:<port>" when ready.
 */
"use strict";

const fs = require("fs");
const express = require("express");
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState } = require("botbuilder");
const { InterviewBot } = require("./bot");
const { createStorage } = require("./storage");

const HOST = "127.0.0.1";

function fatal(message) {
  process.stderr.write(`peer bot: ${message}\n`);
  process.exit(2);
}

function readChecklist() {
  const file = process.env.PEER_CHECKLIST;
  if (!file) fatal("set PEER_CHECKLIST to the questions' JSON file (the load benchmark writes one)");
  const checklist = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(checklist) || checklist.length === 0 || checklist.some(q => !q.id || !q.text || !q.kind)) {
    fatal(`${file} is not a list of questions with id, text and kind`);
  }
  return checklist;
}

/** Exit when the process that started us is gone, so a killed benchmark leaves nothing behind. */
function exitWithParent() {
  const watched = process.env.PEER_PARENT_PID ? parseInt(process.env.PEER_PARENT_PID, 10) : process.ppid;
  const initialParent = process.ppid;
  const timer = setInterval(() => {
    if (!process.env.PEER_PARENT_PID && process.ppid !== initialParent) process.exit(0);
    try {
      process.kill(watched, 0);
    } catch (err) {
      if (err.code === "ESRCH") process.exit(0);
    }
  }, 1000);
  timer.unref();
}

async function main() {
  const port = process.env.PEER_PORT === undefined || process.env.PEER_PORT === "" ? 3978 : parseInt(process.env.PEER_PORT, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`invalid PEER_PORT: ${process.env.PEER_PORT}`);
  const checklist = readChecklist();
  const storage = await createStorage(process.env);

  // No MicrosoftAppId: the SDK accepts unauthenticated requests and sends without a token.
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new InterviewBot(new ConversationState(storage), new UserState(storage), checklist);

  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.post("/api/messages", (req, res) => adapter.process(req, res, context => bot.run(context)));
  app.get("/readyz", (req, res) => res.send("ready"));

  const server = app.listen(port, HOST, () => {
    process.stdout.write(`Peer bot listening on http://${HOST}:${server.address().port}\n`);
  });
  server.on("error", err => fatal(err.message));
  // Clients keep their connections between phases of a run; Node's default closes them after 5 s idle.
  server.keepAliveTimeout = 60 * 1000;
  server.headersTimeout = 61 * 1000;

  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => process.exit(0));
  exitWithParent();
}

main().catch(err => fatal(err && err.stack ? err.stack : String(err)));
