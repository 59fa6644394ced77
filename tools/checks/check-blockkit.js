#!/usr/bin/env node
// Checks Slack Block Kit payloads against Slack's own TypeScript types (npm `@slack/types`).
// Each payload is pasted as an object literal into a generated .ts file and the TypeScript
// compiler runs once over all of them. A literal assigned to a declared type gets the full
// checks: unknown block/element types, missing required fields, wrong field types and unknown
// (excess) properties. Importing the JSON as a module would widen its literal types instead.
// Length and count limits (PROTOCOLS.md 7.6) are not checked here.
//
// Usage: node check-blockkit.js <payloads.json | ->
//   payloads.json  a JSON array of {"name": "...", "kind": "message" | "modal" | "home", "payload": {...}}
//     message: {"blocks": [...]} (an optional "text" notification fallback is allowed)
//     modal:   a modal view {"type": "modal", "title": ..., "blocks": [...], ...}
//     home:    a Home tab view {"type": "home", "blocks": [...]}
//   -              read the array from stdin
//
// Output (stdout): {"results":[{"name":..., "errors":[{line, column, code, message, text}]}]}
//   line/column are 1-based positions in the payload pretty-printed with 2-space indentation;
//   text is that line. Errors that belong to no payload are reported under the name "(tsc)".
// Exit code: 0 no errors, 1 at least one payload has an error, 2 bad usage or unreadable input.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SLACK_TYPES = path.dirname(require.resolve('@slack/types/package.json'));
const TSC = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');

// Blocks are typed as KnownBlock[] in both kinds: the views' own `blocks: AnyBlock[]` also admits
// the generic `Block` ({type: string}), which would let a misspelt block type through.
const DECLARATIONS = {
  message: 'export const payload: { blocks: KnownBlock[]; text?: string } =',
  modal: "export const payload: Omit<ModalView, 'blocks'> & { blocks: KnownBlock[] } =",
  home: "export const payload: Omit<HomeView, 'blocks'> & { blocks: KnownBlock[] } =",
};
const HEADER = "import type { HomeView, KnownBlock, ModalView } from '@slack/types';";
// Lines before the payload's first line in each generated file.
const HEADER_LINES = 2;

function fail(message) {
  process.stderr.write(`check-blockkit: ${message}\n`);
  process.exit(2);
}

function loadPayloads(arg) {
  let text;
  try {
    text = arg === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(arg, 'utf8');
  } catch (e) {
    fail(`cannot read ${arg}: ${e.message}`);
  }
  let doc;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(`${arg}: not valid JSON: ${e.message}`);
  }
  if (!Array.isArray(doc)) fail(`${arg}: expected a JSON array of {name, kind, payload}`);
  return doc.map((item, i) => {
    if (item === null || typeof item !== 'object') fail(`item ${i}: expected an object {name, kind, payload}`);
    const name = item.name === undefined ? `#${i}` : String(item.name);
    if (!(item.kind in DECLARATIONS)) fail(`${name}: kind must be "message", "modal" or "home", not ${JSON.stringify(item.kind)}`);
    if (item.payload === null || typeof item.payload !== 'object' || Array.isArray(item.payload)) {
      fail(`${name}: payload must be a JSON object`);
    }
    return { name, kind: item.kind, payload: item.payload };
  });
}

function writeProject(dir, payloads) {
  const files = payloads.map((p, i) => {
    const json = JSON.stringify(p.payload, null, 2);
    const file = `payload${String(i).padStart(4, '0')}.ts`;
    fs.writeFileSync(path.join(dir, file), `${HEADER}\n${DECLARATIONS[p.kind]}\n${json};\n`);
    return { file, index: i, lines: json.split('\n') };
  });
  const tsconfig = {
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'commonjs',
      moduleResolution: 'node10',
      // The generated files live outside tools/checks: point the import at its node_modules.
      paths: { '@slack/types': [SLACK_TYPES] },
      types: [],
      skipLibCheck: true,
      noErrorTruncation: true,
      pretty: false,
    },
    files: files.map((f) => f.file),
  };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  return files;
}

// tsc --pretty false prints "file(line,col): error TSnnnn: message" and indents the lines that
// continue a message (the elaboration of a type error).
function parseDiagnostics(output, files, dir) {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const diagnostics = [];
  for (const raw of output.split(/\r?\n/)) {
    const m = /^(.*?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(raw);
    if (m) {
      diagnostics.push({ file: path.basename(path.resolve(dir, m[1])), line: +m[2], column: +m[3], code: m[4], message: m[5] });
    } else if (/^error (TS\d+): (.*)$/.test(raw)) {
      const g = /^error (TS\d+): (.*)$/.exec(raw);
      diagnostics.push({ file: undefined, line: 0, column: 0, code: g[1], message: g[2] });
    } else if (raw.startsWith(' ') && diagnostics.length > 0) {
      diagnostics[diagnostics.length - 1].message += `\n${raw.trim()}`;
    } else if (raw.trim().length > 0) {
      diagnostics.push({ file: undefined, line: 0, column: 0, code: '', message: raw.trim() });
    }
  }
  return diagnostics.map((d) => {
    const f = d.file && byFile.get(d.file);
    if (!f) return { index: -1, error: { line: d.line, column: d.column, code: d.code, message: d.message, text: '' } };
    // An error reported on the declaration line is about the payload as a whole: point at its start.
    const line = Math.max(1, d.line - HEADER_LINES);
    const column = d.line > HEADER_LINES ? d.column : 1;
    return { index: f.index, error: { line, column, code: d.code, message: d.message, text: (f.lines[line - 1] ?? '').trim() } };
  });
}

function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    process.stderr.write('usage: node check-blockkit.js <payloads.json | ->\n');
    process.exit(2);
  }
  const payloads = loadPayloads(args[0]);
  const results = payloads.map((p) => ({ name: p.name, errors: [] }));
  if (payloads.length > 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planbot-blockkit-'));
    try {
      const files = writeProject(dir, payloads);
      const run = spawnSync(process.execPath, [TSC, '-p', path.join(dir, 'tsconfig.json')], {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.error) fail(`cannot run tsc: ${run.error.message}`);
      const unattributed = [];
      for (const { index, error } of parseDiagnostics(`${run.stdout}\n${run.stderr}`, files, dir)) {
        (index >= 0 ? results[index].errors : unattributed).push(error);
      }
      if (run.status !== 0 && unattributed.length === 0 && results.every((r) => r.errors.length === 0)) {
        unattributed.push({ line: 0, column: 0, code: '', message: `tsc exited with ${run.status} and printed no error`, text: '' });
      }
      if (unattributed.length > 0) results.push({ name: '(tsc)', errors: unattributed });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
  process.exitCode = results.some((r) => r.errors.length > 0) ? 1 : 0;
}

main();
