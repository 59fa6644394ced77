#!/usr/bin/env node
// Validates a Teams app manifest offline against the schema its "$schema" names, using the
// schemas bundled in npm `@microsoft/app-manifest` (Teams v1.0 to v1.30):
// AppManifestUtils.validateAgainstSchema(rawJson) returns every error as a string.
// The raw JSON is validated as written (not through TeamsManifestConverter, which would add keys).
//
// Usage: node check-manifest.js <manifest.json>
// Output: "OK <file> (schema vX.Y)" on stdout, or one error per line on stderr.
// Exit code: 0 valid, 1 invalid, 2 bad usage or unreadable input.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

// @microsoft/app-manifest 1.1.2 requires fs-extra without declaring it: package.json lists it.
let AppManifestUtils;
let PACKAGE_DIR;
try {
  ({ AppManifestUtils } = require('@microsoft/app-manifest'));
  PACKAGE_DIR = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
} catch (e) {
  process.stderr.write(`check-manifest: cannot load @microsoft/app-manifest (run "npm ci" in tools/checks): ${e.message}\n`);
  process.exit(2);
}
const TEAMS_SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9]+\.[0-9]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

function usage(message) {
  process.stderr.write(`check-manifest: ${message}\n`);
  process.exit(2);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') usage('usage: node check-manifest.js <manifest.json>');
  const file = args[0];

  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    usage(`${file}: ${e.message}`);
  }

  const errors = [];
  const schemaUrl = manifest && typeof manifest === 'object' ? manifest.$schema : undefined;
  const match = typeof schemaUrl === 'string' ? TEAMS_SCHEMA_URL.exec(schemaUrl) : null;
  if (!match) {
    errors.push(`/$schema must be a Teams manifest schema URL (https://developer.microsoft.com/json-schemas/teams/vX.Y/MicrosoftTeams.schema.json), got ${JSON.stringify(schemaUrl)}`);
  } else {
    const version = match[1];
    // The library fetches schemas it does not bundle from the network; refuse those instead.
    const local = path.join(PACKAGE_DIR, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
    if (!fs.existsSync(local)) {
      errors.push(`/$schema names Teams manifest schema ${version}, which @microsoft/app-manifest does not bundle`);
    } else {
      const schema = await AppManifestUtils.fetchSchema(schemaUrl);
      errors.push(...await AppManifestUtils.validateAgainstSchema(manifest, schema));
      const schemaFlagged = errors.some((e) => e.startsWith('/manifestVersion '));
      if (!schemaFlagged && version !== 'vDevPreview' && manifest.manifestVersion !== version.slice(1)) {
        errors.push(`/manifestVersion must equal the $schema version ${version.slice(1)}, got ${JSON.stringify(manifest.manifestVersion)}`);
      }
    }
  }

  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(`${file}: ${e}\n`);
    process.stderr.write(`${file}: ${errors.length} error(s)\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`OK ${file} (schema ${match[1]})\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`check-manifest: ${e && e.stack ? e.stack : e}\n`);
  process.exit(2);
});
