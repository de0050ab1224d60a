// Parse Cypher statements with Neo4j's own grammar and semantic analysis
// (@neo4j-cypher/language-support, published by Neo4j).
//
// stdin:  {"statements": ["MATCH ...", ...], "parameters": {"name": example value, ...}}
//         (or just a JSON array of statements)
// stdout: a JSON array, one entry per statement: {"errors": [{"message", "line", "column", "offset"}...],
//         "warnings": [...]}
// A statement is valid Neo4j Cypher when its "errors" list is empty. Function names are checked against
// Neo4j's built-in functions (the package's recorded Neo4j 5 catalogue, without APOC/GDS plugins), so a
// LadybugDB-only function such as label() or list_contains() is an error.
'use strict';
const { lintCypherQuery, testData } = require('@neo4j-cypher/language-support');

function builtins(byVersion) {
  const out = {};
  for (const [version, fns] of Object.entries(byVersion || {})) {
    out[version] = Object.fromEntries(
      Object.entries(fns).filter(([name]) => !name.startsWith('apoc.') && !name.startsWith('gds.')));
  }
  return out;
}

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function describe(d) {
  return {
    message: d.message,
    line: d.range ? d.range.start.line + 1 : null,
    column: d.range ? d.range.start.character + 1 : null,
    offset: d.offsets ? d.offsets.start : null,
  };
}

(async () => {
  const input = JSON.parse(await readStdin());
  const statements = Array.isArray(input) ? input : input.statements;
  const schema = {
    functions: builtins(testData.mockSchema.functions),
    procedures: builtins(testData.mockSchema.procedures),
    parameters: Array.isArray(input) ? {} : input.parameters || {},
  };
  const out = statements.map((text) => {
    const { diagnostics } = lintCypherQuery(text, schema);
    // severity 1 = error, 2 = warning (LSP DiagnosticSeverity)
    return {
      errors: diagnostics.filter((d) => d.severity === 1).map(describe),
      warnings: diagnostics.filter((d) => d.severity !== 1).map(describe),
    };
  });
  process.stdout.write(JSON.stringify(out));
})().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(2);
});
