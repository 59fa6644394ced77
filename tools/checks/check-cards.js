#!/usr/bin/env node
// Checks Adaptive Cards with the official renderer (npm `adaptivecards`), loaded in jsdom the way a
// browser page loads it. For each card it collects the parse events of AdaptiveCard.parse (unknown
// element/action types, bad enum values, bad version), every failure of validateProperties()
// (duplicate ids, missing required properties, required inputs without label or error message),
// and renders the card with Teams' host config so a card that breaks rendering is caught too.
//
// Usage: node check-cards.js <cards.json | directory | ->
//   cards.json  a JSON array; each item is a card object, or {"name": "...", "card": {...}}
//               (a file holding a single card object is one card)
//   directory   every *.json file in it is one card, named after the file
//   -           read the array from stdin
// Env: TEAMS_HOSTCONFIG  path of a host config JSON used to render; by default Teams' light theme
//      from the adaptivecards-designer package.
//
// Output (stdout): {"results":[{"name":..., "errors":[{phase,event,message}], "warnings":[...]}]}
// Exit code: 0 no errors, 1 at least one card has an error, 2 bad usage or unreadable input.
// The library does not report unknown properties; validate against the JSON schema for that.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { JSDOM, VirtualConsole } = require('jsdom');
const { teamsHostConfigPath } = require('./teams-hostconfig');

const RENDERER = path.join(path.dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js');

function fail(message) {
  process.stderr.write(`check-cards: ${message}\n`);
  process.exit(2);
}

function readJson(file, text) {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(`${file}: not valid JSON: ${e.message}`);
    return undefined;
  }
}

function isWrapper(item) {
  return item !== null && typeof item === 'object' && !Array.isArray(item)
    && !('type' in item) && 'card' in item;
}

function loadCards(arg) {
  if (arg === '-') {
    return fromDocument('stdin', readJson('stdin', fs.readFileSync(0, 'utf8')));
  }
  if (!fs.existsSync(arg)) fail(`no such file or directory: ${arg}`);
  if (fs.statSync(arg).isDirectory()) {
    return fs.readdirSync(arg)
      .filter((f) => f.toLowerCase().endsWith('.json'))
      .sort()
      .map((f) => ({ name: f, card: readJson(f, fs.readFileSync(path.join(arg, f), 'utf8')) }));
  }
  return fromDocument(path.basename(arg), readJson(arg, fs.readFileSync(arg, 'utf8')));
}

function fromDocument(source, doc) {
  const items = Array.isArray(doc) ? doc : [doc];
  return items.map((item, i) => (isWrapper(item)
    ? { name: String(item.name ?? `${source}#${i}`), card: item.card }
    : { name: Array.isArray(doc) ? `${source}#${i}` : source, card: item }));
}

function loadHostConfig() {
  const file = teamsHostConfigPath();
  if (!fs.existsSync(file)) fail(`the host config is missing: ${file} (TEAMS_HOSTCONFIG, or npm ci in tools/checks)`);
  return readJson(file, fs.readFileSync(file, 'utf8'));
}

function createPage(pageErrors) {
  const virtualConsole = new VirtualConsole();
  // Script errors inside the page belong to the card being checked; console chatter (such as the
  // renderer's "markdown processing not enabled" warning) is not a finding.
  virtualConsole.on('jsdomError', (e) => pageErrors.push(e && e.message ? e.message : String(e)));
  const dom = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>', {
    runScripts: 'outside-only',
    pretendToBeVisual: true,
    virtualConsole,
  });
  dom.window.eval(fs.readFileSync(RENDERER, 'utf8'));
  if (!dom.window.AdaptiveCards || typeof dom.window.AdaptiveCards.AdaptiveCard !== 'function') {
    fail(`the renderer at ${RENDERER} did not define the global AdaptiveCards`);
  }
  return dom.window;
}

function describe(AC, phase, e) {
  return {
    phase,
    event: AC.ValidationEvent[e.event] ?? String(e.event),
    message: String(e.message),
  };
}

function checkCard(window, hostConfigJson, pageErrors, { name, card }) {
  const AC = window.AdaptiveCards;
  const errors = [];
  const warnings = [];
  const push = (issue) => (issue.event === 'Hint' ? warnings : errors).push(issue);

  if (card === null || typeof card !== 'object' || Array.isArray(card)) {
    errors.push({ phase: 'Check', event: 'NotAnObject', message: 'A card must be a JSON object.' });
    return { name, errors, warnings };
  }
  // Teams needs the version on the top-level card; the renderer silently assumes the latest.
  if (typeof card.version !== 'string' || card.version.length === 0) {
    errors.push({ phase: 'Check', event: 'MissingCardVersion', message: 'The top-level card must have a "version" string.' });
  }

  pageErrors.length = 0;
  // Parse inside the page's realm so that the renderer sees its own Array/Object types.
  const json = window.JSON.parse(JSON.stringify(card));
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  try {
    adaptiveCard.parse(json, context);
  } catch (e) {
    errors.push({ phase: 'Parse', event: 'Exception', message: String(e && e.message ? e.message : e) });
    return { name, errors, warnings };
  }
  for (let i = 0; i < context.eventCount; i++) {
    push(describe(AC, 'Parse', context.getEventAt(i)));
  }

  const validation = adaptiveCard.validateProperties();
  for (const e of validation.validationEvents) {
    push(describe(AC, 'Validation', e));
  }

  try {
    if (hostConfigJson) adaptiveCard.hostConfig = new AC.HostConfig(window.JSON.parse(JSON.stringify(hostConfigJson)));
    const element = adaptiveCard.render();
    if (!element) {
      errors.push({ phase: 'Render', event: 'NothingRendered', message: 'render() returned no element.' });
    }
  } catch (e) {
    errors.push({ phase: 'Render', event: 'Exception', message: String(e && e.message ? e.message : e) });
  }
  for (const message of pageErrors) {
    errors.push({ phase: 'Render', event: 'PageError', message });
  }
  return { name, errors, warnings };
}

function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write('usage: node check-cards.js <cards.json | directory | ->\n');
    process.exit(2);
  }
  const cards = loadCards(args[0]);
  const hostConfig = loadHostConfig();
  const pageErrors = [];
  const window = createPage(pageErrors);
  const results = cards.map((c) => checkCard(window, hostConfig, pageErrors, c));
  window.close();
  process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  process.exitCode = results.some((r) => r.errors.length > 0) ? 1 : 0;
}

main();
