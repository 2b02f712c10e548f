#!/usr/bin/env node
// mermaid_ok.mjs [--type journey] [--strict] [--json] FILE...
// Parses each file with Mermaid's own parser (the npm `mermaid` package, run in Node
// with a jsdom window; no browser needed). For `journey` diagrams it also reads the
// parsed model: title, sections and tasks (task, score, people), which --json prints
// so our importer's result can be compared with Mermaid's.
// --type T   fail unless the diagram type is T (e.g. journey)
// --strict   for journeys, also fail on a task whose score is not a number 1..5
//            (Mermaid's parser accepts `Task: x: Me` and stores score null)
// Prints one summary line per file (the --json model goes on the next line);
// exits 0 when every file passes.
// Setup: cd tests/support && npm ci   (package.json and package-lock.json pin mermaid and jsdom).
// Copied from the shared checks; .ci/run installs the packages, tests/test_mermaid.py runs it.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const args = process.argv.slice(2);
let wantType = null, strict = false, asJson = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--type') wantType = args[++i];
  else if (args[i] === '--strict') strict = true;
  else if (args[i] === '--json') asJson = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: mermaid_ok.mjs [--type journey] [--strict] [--json] FILE...');
  process.exit(2);
}

// mermaid imports DOMPurify, which needs a window at import time
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let status = 0;
for (const f of files) {
  let text;
  try {
    text = readFileSync(f, 'utf8');
  } catch (e) {
    console.log(`FAIL mermaid_ok ${f}: cannot read: ${e.message}`);
    status = 1;
    continue;
  }
  try {
    const res = await mermaid.parse(text); // throws on a syntax error
    const type = res.diagramType;
    const problems = [];
    if (wantType && type !== wantType) problems.push(`type is ${type}, not ${wantType}`);
    let summary = type;
    let model = { type };
    if (type === 'journey') {
      // parse() registered the diagram; this builds its model (db) without rendering
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      const db = diagram.db;
      const tasks = db.getTasks().map((t) => ({
        section: t.section, task: t.task, score: t.score, people: t.people,
      }));
      model = { type, title: db.getDiagramTitle(), sections: db.getSections(), tasks };
      const bad = tasks.filter((t) => !(Number.isInteger(t.score) && t.score >= 1 && t.score <= 5));
      summary = `journey, ${model.sections.length} section(s), ${tasks.length} task(s)`;
      if (bad.length) {
        const msg = `${bad.length} task(s) with score not 1..5 (e.g. '${bad[0].task}': ${bad[0].score})`;
        if (strict) problems.push(msg); else summary += `; warning: ${msg}`;
      }
    }
    if (problems.length) {
      console.log(`FAIL mermaid_ok ${f}: ${problems.join('; ')}`);
      status = 1;
    } else {
      console.log(`PASS mermaid_ok ${f}: ${summary}`);
    }
    if (asJson) console.log(JSON.stringify(model));
  } catch (e) {
    const msg = String(e && e.message ? e.message : e).split('\n').map((s) => s.trim()).filter(Boolean).join(' | ');
    console.log(`FAIL mermaid_ok ${f}: ${msg.slice(0, 300)}`);
    status = 1;
  }
}
process.exit(status);
