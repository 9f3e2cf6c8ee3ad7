// Makes the single-file page www/dist/weglakker.html from www/index.html: the stylesheet,
// the app with every module it imports (facade, pool, i18n, wasm-bindgen glue) is inlined as
// one module script, the worker (worker.js + glue) as a text block the page starts from a
// Blob URL, the wasm as a base64 data block, and the Content-Security-Policy gets the
// hashes of exactly the inlined script and style. Node standard library only.
//
// usage: node scripts/inline-page.mjs SRC_DIR DIST_DIR

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

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

/**
 * Bundles the module graph from `entry` into one script: every imported module becomes
 * `const __wlN = <module as expression>;` once (in dependency order), and its import lines
 * `const NS = __wlN;` or `const { a, b: c } = __wlN;`. `./pkg/` resolves into DIST.
 */
function bundle(entry) {
  const names = new Map(); // path → variable
  const parts = [];
  const resolvePath = (from, spec) =>
    spec.startsWith('./pkg/') ? join(dist, spec.slice(2)) : join(dirname(from), spec);
  function imports(path, source) {
    return source.replace(
      /^import\s+(?:\*\s+as\s+([A-Za-z_$][\w$]*)|\{([^}]*)\})\s+from\s+'(\.[^']+)';[ \t]*$/gm,
      (_, ns, list, spec) => {
        const name = visit(resolvePath(path, spec));
        if (ns) return `const ${ns} = ${name};`;
        const fields = list.split(',').map((s) => s.trim()).filter(Boolean)
          .map((item) => item.replace(/\s+as\s+/, ': '));
        return `const { ${fields.join(', ')} } = ${name};`;
      },
    );
  }
  function visit(path) {
    if (names.has(path)) return names.get(path);
    const source = imports(path, read(path));
    const name = `__wl${names.size}`;
    names.set(path, name);
    parts.push(`const ${name} = ${moduleAsExpression(source, path)};`);
    return name;
  }
  const body = imports(entry, read(entry));
  if (/^\s*import\b/m.test(body)) fail(`${entry}: an import form this inliner does not handle`);
  return `${parts.join('\n')}\n${body}`;
}

const script = `\n${bundle(join(src, 'weglakker-app.js'))}\n`;
// A classic script, not a module: Chromium refuses module workers from `blob:null` URLs
// (pages opened from file://), so `import.meta.url` becomes the worker's own location.
const worker = `\n${bundle(join(src, 'worker.js')).replaceAll('import.meta.url', 'self.location.href')}\n`;
if (/\bimport\.meta\b|^\s*export\b/m.test(worker)) fail('worker: module syntax left in the classic worker script');
const style = `\n${read(join(src, 'style.css'))}\n`;
for (const [what, text] of [['script', script], ['script', worker], ['style', style]]) {
  if (text.toLowerCase().includes(`</${what}`) || text.includes('<!--')) fail(`an inlined ${what} contains "</${what}" or "<!--"`);
}
const wasm = readFileSync(join(dist, 'pkg', 'weglakker_bg.wasm')).toString('base64');

const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  // The processing workers start from a Blob URL of the inlined worker source.
  "worker-src blob:",
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
    '<script type="module" src="weglakker-app.js"></script>',
    `<script type="application/wasm+base64" id="weglakker-wasm">${wasm}</script>\n<script type="text/plain" id="weglakker-worker">${worker}</script>\n<script type="module">${script}</script>`,
  ],
];
for (const [from, to] of swaps) {
  if (!html.match(from)) fail(`index.html: ${from} not found`);
  html = html.replace(from, () => to);
}
writeFileSync(join(dist, 'weglakker.html'), html);
copyFileSync(join(dist, 'weglakker.html'), join(dist, 'index.html'));
