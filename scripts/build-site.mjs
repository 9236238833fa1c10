// Builds dist/, the static site: bundles www/ (ES modules, tree-shaken ECharts) with esbuild,
// copies the page, its CSS and the wasm. Every URL in dist/ is relative, so it works from any
// sub-path of any static host.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
if (!existsSync(join(root, 'pkg/article_explorer_bg.wasm'))) {
  console.error('pkg/ is missing: run scripts/build-wasm.sh first (make does)');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: { main: join(root, 'www/main.js'), worker: join(root, 'www/worker.js') },
  outdir: dist,
  bundle: true,
  format: 'esm',
  splitting: false,
  minify: true,
  sourcemap: 'linked',
  target: ['chrome110', 'firefox115', 'safari16'],
  loader: { '.txt': 'text' },
  legalComments: 'linked',
  logLevel: 'warning',
});

for (const f of ['index.html', 'style.css']) cpSync(join(root, 'www', f), join(dist, f));
cpSync(join(root, 'pkg/article_explorer_bg.wasm'), join(dist, 'article_explorer_bg.wasm'));

// Asset sizes, raw and gzip, for the README.
const sizes = readdirSync(dist)
  .filter((f) => !f.endsWith('.map'))
  .map((f) => {
    const bytes = readFileSync(join(dist, f));
    return { file: f, bytes: statSync(join(dist, f)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
writeFileSync(join(dist, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
const total = sizes.reduce((a, s) => a + s.gzip, 0);
console.error(`dist/: ${sizes.map((s) => `${s.file} ${s.bytes} B (${s.gzip} gz)`).join(', ')}; total ${total} B gzip`);
