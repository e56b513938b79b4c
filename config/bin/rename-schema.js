#!/usr/bin/env node
// Rewrites a plain SQL dump of one schema (pg_restore --file=-) so its objects land in another
// schema: `old.` qualifiers and `SCHEMA old` become the new name everywhere but inside the data of
// COPY blocks, which are passed through untouched (a report may well contain the text "public.").
// Usage: pg_restore … | node rename-schema.js OLD NEW
const readline = require('node:readline');

const [from, to] = process.argv.slice(2);
const plain = /^[a-z_][a-z0-9_]*$/;
if (!plain.test(from ?? '') || !plain.test(to ?? '')) {
  console.error('usage: rename-schema.js OLD NEW (plain lower-case schema names)');
  process.exit(2);
}
const qualified = new RegExp(`(?<![A-Za-z0-9_$"])("?)${from}\\1\\.`, 'g');
const schemaWord = new RegExp(`\\bSCHEMA ("?)${from}\\1(?![A-Za-z0-9_$])`, 'g');
const searchPath = new RegExp(`(search_path', ')${from}(')`, 'g');

let inCopy = false;
const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (inCopy) {
    if (line === '\\.') inCopy = false;
    process.stdout.write(line + '\n');
    return;
  }
  const out = line.replace(qualified, `${to}.`).replace(schemaWord, `SCHEMA ${to}`).replace(searchPath, `$1${to}$2`);
  if (/^COPY .* FROM stdin;$/.test(out)) inCopy = true;
  process.stdout.write(out + '\n');
});
