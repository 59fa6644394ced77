#!/usr/bin/env node
// Prints the score of a Stryker.NET run and the mutants no test killed, from its JSON report
// (the mutation-testing-report schema).
//
// Usage: node report.js <mutation-report.json> [project name]
// Output (stdout): the counts per status, the score, then one line per surviving or uncovered
// mutant: file:line:column, status, mutator, and the code it was replaced with.
// Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker reports it:
// mutants that do not compile, and ignored ones, do not count.
// Exit code: 0, or 2 when the report cannot be read.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const [reportPath, name = 'project'] = process.argv.slice(2);
if (!reportPath) {
  process.stderr.write('usage: node report.js <mutation-report.json> [project name]\n');
  process.exit(2);
}

let report;
try {
  report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
} catch (error) {
  process.stderr.write(`report.js: cannot read ${reportPath}: ${error.message}\n`);
  process.exit(2);
}

const counts = {};
const open = [];
const root = report.projectRoot || '';
for (const [file, result] of Object.entries(report.files || {})) {
  const shown = root ? path.relative(root, file) : file;
  for (const mutant of result.mutants || []) {
    counts[mutant.status] = (counts[mutant.status] || 0) + 1;
    if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
      const { line, column } = mutant.location.start;
      const replacement = (mutant.replacement || '').replace(/\s+/g, ' ').trim();
      open.push({ file: shown, line, column, text: `${mutant.status} ${mutant.mutatorName}: ${replacement}` });
    }
  }
}

const count = (status) => counts[status] || 0;
const detected = count('Killed') + count('Timeout');
const valid = detected + count('Survived') + count('NoCoverage');
const score = valid === 0 ? 100 : (100 * detected) / valid;

console.log(`${name}: mutation score ${score.toFixed(1)} %`);
console.log(
  `  killed ${count('Killed')}, timeout ${count('Timeout')}, survived ${count('Survived')}, ` +
    `no coverage ${count('NoCoverage')}, compile error ${count('CompileError')}, ignored ${count('Ignored')}`,
);
open.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
for (const mutant of open) {
  console.log(`  ${mutant.file}:${mutant.line}:${mutant.column} ${mutant.text}`);
}
