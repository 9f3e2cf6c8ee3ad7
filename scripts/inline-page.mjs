// Makes the single-file page www/dist/weglakker.html from www/index.html: the stylesheet,
// the app, the facade and the wasm-bindgen glue are inlined as one module script, the wasm
// as a base64 data block, and the Content-Security-Policy gets the hashes of exactly the
// inlined script and style. Node standard library only.
//
// usage: node scripts/inline-page.mjs SRC_DIR DIST_DIR

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const [src, dist] = process.argv.slice(2);
if (!src || !dist) {
  console.error('usage: node scripts/inline-page.mjs SRC_DIR DIST_DIR');
  process.exit(2);
}
const read = (path) => readFileSync(path, 'utf8');

function fail(message) {
  console.error(`inline-page: ${message}`);
  process.exit(1);
}

/**
 * Turns an ES module's source into an expression whose value is its namespace object:
 * `(() => { ...source without export keywords...; return { name, ... }; })()`.
 * Function and class declarations become local to the arrow function, so two inlined
 * modules cannot clash. Handles the export forms wasm-bindgen and our own files use.
 */
function moduleAsExpression(source, name) {
  const exported = []; // [local, exported-as]
  let body = source.replace(
    /^export\s+((?:async\s+)?function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm,
    (_, keyword, id) => {
      exported.push([id, id]);
      return `${keyword} ${id}`;
    },
  );
  body = body.replace(/^export\s*\{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      exported.push([local, as ?? local]);
    }
    return '';
  });
  body = body.replace(/^export\s+default\s+([A-Za-z_$][\w$]*);?[ \t]*$/gm, (_, id) => {
    exported.push([id, 'default']);
    return '';
  });
  if (/^\s*(import|export)\b/m.test(body)) fail(`${name}: an import or export form this inliner does not handle`);
  const fields = exported.map(([local, as]) => (local === as ? local : `${JSON.stringify(as)}: ${local}`));
  return `(() => {\n${body}\nreturn { ${fields.join(', ')} };\n})()`;
}

/** Replaces `import * as NS from 'SPEC';` in `source` by `const NS = <inlined module>;`. */
function inlineImport(source, spec, inlined) {
  const re = new RegExp(`^import \\* as ([A-Za-z_$][\\w$]*) from '${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';$`, 'm');
  const m = source.match(re);
  if (!m) fail(`no "import * as X from '${spec}';" line to inline`);
  return source.replace(re, () => `const ${m[1]} = ${inlined};`);
}

const glue = read(join(dist, 'pkg', 'weglakker.js'));
const facade = inlineImport(read(join(src, 'weglakker.js')), './pkg/weglakker.js', moduleAsExpression(glue, 'pkg/weglakker.js'));
const app = inlineImport(read(join(src, 'app.js')), './weglakker.js', moduleAsExpression(facade, 'weglakker.js'));
if (/^\s*import\b/m.test(app)) fail('app.js: an import left after inlining');
const script = `\n${app}\n`;
const style = `\n${read(join(src, 'style.css'))}\n`;
for (const [what, text] of [['script', script], ['style', style]]) {
  if (text.toLowerCase().includes(`</${what}`)) fail(`the inlined ${what} contains "</${what}"`);
}
const wasm = readFileSync(join(dist, 'pkg', 'weglakker_bg.wasm')).toString('base64');

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The template's comments describe the build; they are dropped before anything is inlined.
let html = read(join(src, 'index.html')).replace(/<!--[\s\S]*?-->\n?/g, '');
const swaps = [
  [/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`],
  ['<link rel="stylesheet" href="style.css">', `<style>${style}</style>`],
  [
    '<script type="module" src="app.js"></script>',
    `<script type="application/wasm+base64" id="weglakker-wasm">${wasm}</script>\n<script type="module">${script}</script>`,
  ],
];
for (const [from, to] of swaps) {
  if (!html.match(from)) fail(`index.html: ${from} not found`);
  html = html.replace(from, () => to);
}
writeFileSync(join(dist, 'weglakker.html'), html);
copyFileSync(join(dist, 'weglakker.html'), join(dist, 'index.html'));
