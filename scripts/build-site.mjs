// Builds dist/, the static site: bundles www/ (ES modules, tree-shaken ECharts) with esbuild,
// copies the page, its CSS and the wasm, embeds every samples/*.txt, and writes the Service
// Worker with the list of files to keep for offline use. Every URL in dist/ is relative, so it
// works from any sub-path of any static host.
import { build, transform } from 'esbuild';
import { cpSync, mkdirSync, rmSync, existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { join, basename, resolve, relative } from 'node:path';
import { echartsStubs } from './echarts-stubs.mjs'; // ECharts modules the page cannot reach (ECHARTS_STUBS=0: none)

const root = new URL('..', import.meta.url).pathname;
// OUT_DIR builds into another folder (e.g. a private copy for tests); default dist/.
const dist = process.env.OUT_DIR ? resolve(process.env.OUT_DIR) : join(root, 'dist');
if (!['pkg', 'pkg/light', 'pkg/share'].every((d) => existsSync(join(root, d, 'article_explorer_bg.wasm')))) {
  console.error('pkg/ is missing: run scripts/build-wasm.sh first (make does)');
  process.exit(1);
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

// `import { SAMPLES } from 'virtual:samples'`: every samples/*.txt, in name order, English first.
// The first (the default sample a first visit analyzes) carries its `text`; the others carry
// `load()`, which imports 'virtual:sample/<id>' — a chunk of its own, fetched only when that
// sample is picked (so the Chinese sample is not part of the first visit).
const samplesPlugin = {
  name: 'samples',
  setup(b) {
    const dir = join(root, 'samples');
    const files = () => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    b.onResolve({ filter: /^virtual:samples$/ }, () => ({ path: 'samples', namespace: 'samples' }));
    b.onResolve({ filter: /^virtual:sample\// }, (a) => ({ path: a.path.slice('virtual:sample/'.length), namespace: 'sample-text' }));
    b.onLoad({ filter: /.*/, namespace: 'samples' }, () => {
      const list = files().map((f, i) => {
        const id = basename(f, '.txt');
        return i === 0 ? `{ id: ${JSON.stringify(id)}, text: ${JSON.stringify(readFileSync(join(dir, f), 'utf8'))} }`
          : `{ id: ${JSON.stringify(id)}, load: () => import(${JSON.stringify(`virtual:sample/${id}`)}).then((m) => m.default) }`;
      });
      return { contents: `export const SAMPLES = [${list.join(',\n')}];`, loader: 'js', watchFiles: files().map((f) => join(dir, f)) };
    });
    b.onLoad({ filter: /.*/, namespace: 'sample-text' }, (a) => {
      const file = join(dir, `${basename(a.path)}.txt`);
      return { contents: `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`, loader: 'js', watchFiles: [file] };
    });
  },
};

// The lazy views (each a chunk of its own, loaded by its button) import the page's modules they
// use (i18n.js, dom.js, state.js, download.js, the charts, ECharts, …) like any other module.
// esbuild's splitting puts a module in the chunk of the set of entries that reach it, so a view
// reaching some modules of a first-visit chunk would cut that chunk in two (0.4-1.1 KB gzip more on
// every first visit, measured). A view is therefore loaded through a wrapper that also imports
// later.js, which reaches every page module a view uses: the view then shares whole chunks with
// the page, the first visit's chunks keep their cut, and what only the view uses stays in its
// chunk. (later.js's chunk is preloaded once the first charts are drawn; a view waits for it.)
const LAZY_VIEWS = ['www/features/corpus/corpus.js', 'www/features/timeline/timeline-view.js'];
const lazyViews = {
  name: 'lazy-views',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.js$/ }, (a) => {
      if (a.kind !== 'dynamic-import') return undefined;
      const path = relative(root, resolve(a.resolveDir, a.path)).replaceAll('\\', '/');
      return LAZY_VIEWS.includes(path) ? { path, namespace: 'lazy-view' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-view' }, (a) => ({ loader: 'js', resolveDir: root,
      contents: `import './www/later.js';\nexport * from './${a.path}';\n` }));
  },
};

// The engine's version, for the provenance of shares and exports (features/share/).
const engineVersion = JSON.stringify(/^version = "([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1]);
const result = await build({
  // Every script lands in dist/ itself (entries by these names, chunks beside them), so the
  // scripts find each other and the wasm with URLs relative to their own (new URL('./worker.js',
  // import.meta.url)).
  entryPoints: { main: join(root, 'www/main.js'), worker: join(root, 'www/features/analysis/worker.js'),
    boot: join(root, 'www/features/analysis/boot.js'),
    // Writes long texts to the library off the main thread (loaded when one is saved).
    'library-worker': join(root, 'www/features/library/library-worker.js') },
  outdir: dist,
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  minify: process.env.MINIFY !== '0', // MINIFY=0: readable names for profiling
  sourcemap: 'linked',
  target: ['chrome110', 'firefox115', 'safari16'],
  loader: { '.txt': 'text' },
  legalComments: 'linked',
  // V8's explicit compile hint (Chromium 136+; other engines read a comment): compile every
  // function while the script streams in, on a background thread, instead of lazily on the main
  // thread at first call. The first chart draws 10-50 ms sooner and DOMContentLoaded comes
  // 80-180 ms later: neutral end to end, but the compiling leaves the main thread's tasks.
  banner: { js: '//# allFunctionsCalledOnLoad' },
  logLevel: 'warning',
  metafile: true,
  // The engine's version, for the provenance of shares and exports (features/share/).
  define: { AE_ENGINE_VERSION: engineVersion },
  plugins: [samplesPlugin, lazyViews, echartsStubs], // ECHARTS_STUBS=0: the plugin stubs nothing
});

// The embed view (embed.html): one chart of a shared analysis, for an iframe. A build of its own:
// as a third entry of the page's build it would split the modules it shares with main.js (the
// charts, ECharts, i18n) into more chunks, which costs the first visit ~1.7 KB gzip.
const embedResult = await build({
  entryPoints: { embed: join(root, 'www/features/share/embed.js') },
  outdir: dist, bundle: true, format: 'esm', splitting: true, chunkNames: 'embed-[hash]',
  minify: process.env.MINIFY !== '0', sourcemap: 'linked', target: ['chrome110', 'firefox115', 'safari16'],
  legalComments: 'linked', logLevel: 'warning', metafile: true, define: { AE_ENGINE_VERSION: engineVersion },
  plugins: [echartsStubs],
});
for (const f of ['index.html', 'icon.svg', 'manifest.webmanifest', 'embed.html', 'embed.css']) {
  if (existsSync(join(root, 'www', f))) cpSync(join(root, 'www', f), join(dist, f));
}
// The style sheet, minified like the scripts (0.3 KB gzip less on every first visit).
const css = readFileSync(join(root, 'www/style.css'), 'utf8');
writeFileSync(join(dist, 'style.css'), process.env.MINIFY === '0' ? css : (await transform(css, { loader: 'css', minify: true, target: ['chrome110', 'firefox115', 'safari16'] })).code);
// Style sheets of lazy views (www/<name>.css other than style.css), linked by their chunk when it loads.
for (const f of readdirSync(join(root, 'www')).filter((n) => n.endsWith('.css') && n !== 'style.css')) {
  const sheet = readFileSync(join(root, 'www', f), 'utf8');
  writeFileSync(join(dist, f), process.env.MINIFY === '0' ? sheet : (await transform(sheet, { loader: 'css', minify: true, target: ['chrome110', 'firefox115', 'safari16'] })).code);
}
// The two engine builds (scripts/build-wasm.sh): the light module every visit
// loads, and the full one (Chinese) the worker fetches only for a text with Han characters.
cpSync(join(root, 'pkg/light/article_explorer_bg.wasm'), join(dist, 'article_explorer_light_bg.wasm'));
cpSync(join(root, 'pkg/article_explorer_bg.wasm'), join(dist, 'article_explorer_bg.wasm'));
// The share module (reading share links and bundles, features/share/): only when one is opened.
cpSync(join(root, 'pkg/share/article_explorer_bg.wasm'), join(dist, 'article_explorer_share_bg.wasm'));
// Lazily fetched data the worker may ask for (e.g. the Chinese dictionary): pkg/*.{dict,bin,gz,txt}.
const lazy = [...readdirSync(join(root, 'pkg')).filter((f) => /\.(dict|bin|gz|txt)$/.test(f)), 'article_explorer_bg.wasm', 'article_explorer_share_bg.wasm'];
for (const f of lazy.filter((f) => !f.endsWith('.wasm'))) cpSync(join(root, 'pkg', f), join(dist, f));

// Which files the first visit needs: the HTML, its CSS, every chunk main.js and worker.js import
// statically, and the wasm. Dynamically imported chunks (SVG export) and lazy data are extra.
const outputs = result.metafile.outputs;
// METAFILE=<file>: esbuild's metafile, to see which modules make up each chunk.
if (process.env.METAFILE) writeFileSync(process.env.METAFILE, JSON.stringify(result.metafile));
const staticClosure = (entry) => {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entry);
  return [...seen].map((f) => f.slice(f.lastIndexOf('/') + 1));
};
const outRel = (name) => Object.keys(outputs).find((k) => k.endsWith(`/${name}`));
// The full module's glue chunk goes with the full module: fetched only for Chinese, never precached.
for (const [file, out] of Object.entries(outputs)) {
  if (Object.keys(out.inputs).some((i) => i.endsWith('pkg/article_explorer.js') || i.endsWith('pkg/share/article_explorer.js'))) lazy.push(basename(file));
}
// The embed view is for other sites' iframes: not precached for the page's visitors.
for (const f of readdirSync(dist)) if (f.startsWith('embed')) lazy.push(f);
// boot.js's dynamic imports count too: it asks for the samples at once on a first visit. The icon
// and the manifest are linked from index.html, and the browser fetches them right away.
const bootDynamic = (outputs[outRel('boot.js')]?.imports ?? []).filter((i) => i.kind === 'dynamic-import')
  .flatMap((i) => staticClosure(i.path));
const initial = new Set(['index.html', 'style.css', 'article_explorer_light_bg.wasm', 'boot.js', 'icon.svg', 'manifest.webmanifest',
  ...staticClosure(outRel('main.js')), ...staticClosure(outRel('worker.js')), ...bootDynamic]);

// The Service Worker: caches the whole site (except lazy data, cached when first used) under a
// name derived from the content, so a new build replaces the old cache.
const files = readdirSync(dist).filter((f) => !f.endsWith('.map') && !f.endsWith('.LEGAL.txt') && f !== 'sizes.json');
const precache = ['./', ...files.filter((f) => !lazy.includes(f)).map((f) => `./${f}`)];
const hash = createHash('sha256');
for (const f of files.sort()) hash.update(f).update(readFileSync(join(dist, f)));
const version = hash.digest('hex').slice(0, 12);
const sw = readFileSync(join(root, 'www/sw.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace("'__PRECACHE__'", JSON.stringify(precache));
writeFileSync(join(dist, 'sw.js'), sw);

// Asset sizes, raw and gzip, for the README and the docs.
const NOTES = {
  'article_explorer_light_bg.wasm': 'engine, light module (no Chinese): every first visit',
  'article_explorer_bg.wasm': 'engine, full module (Chinese): fetched only for a text with Han characters',
  'jieba-dict.txt.gz': 'Chinese dictionary + HMM: fetched only for a text with Han characters',
  'article_explorer_share_bg.wasm': 'share module (reading share links and bundles): only when one is opened',
};
// What a chunk holds, from the bundle's metafile (the chunk names are content hashes).
const AFTER_LOAD = 'precached by the service worker after load';
const chunkNote = (file) => {
  if (!file.startsWith('chunk-')) return undefined;
  const inputs = Object.keys(outputs[outRel(file)]?.inputs ?? {});
  const has = (s) => inputs.some((i) => i.includes(s));
  if (has('pkg/share/article_explorer.js')) return 'engine glue, share module: loaded with it';
  if (has('pkg/article_explorer.js')) return 'engine glue, full module: loaded with it';
  if (has('www/features/charts/chart-export.js')) return 'chart export (PNG and SVG with a legend, SVG renderer): on the first PNG or SVG export';
  if (has('www/features/charts/chart-tooltip.js')) return 'ECharts tooltip: on the first hover or focus of a chart';
  // The parts of the page the first view does not need (www/later.js): loaded on first use, and
  // ahead of it once the first charts are drawn (www/lazy.js).
  if (has('www/later.js')) {
    return 'chart tools (table view, downloads), concordance, opening a file, library management, comparison: '
      + 'on first use, or preloaded once the first charts are drawn';
  }
  if (has('www/i18n-zh.js')) return 'Chinese interface strings: only when the interface is Chinese';
  // The views of their own, each a chunk loaded by its button (or, for sharing, by a link).
  if (has('www/features/corpus/corpus.js')) return 'corpus explorer (with fflate for .zip and ECharts\' line series): when Corpus… is pressed';
  if (has('www/features/corpus/worker-ops.js')) return 'corpus requests in the analysis worker: on the first corpus run';
  if (has('www/features/translation/')) return 'translation view: when Compare as translations is pressed or two articles are picked';
  if (has('www/features/timeline/timeline-view.js')) return 'readable timeline: when Read the timeline in order is pressed';
  if (has('www/features/timeline/match.js')) return 'timeline corrections: when the article on screen has some';
  if (has('www/features/share/')) return 'sharing (dialog, opening links and bundles, the HTML report): when Share… is pressed or a link is opened';
  if (has('www/state.js')) return 'the page: the modules main.js shares with later.js (with the parts of ECharts only they use)';
  const sample = inputs.find((i) => i.startsWith('sample-text:'));
  if (sample) return `sample text ${sample.slice('sample-text:'.length)}: only when that sample is picked`;
  if (has('node_modules/echarts/')) return 'ECharts (tree-shaken)';
  return undefined;
};
// Files the Service Worker downloads once it is registered (after the first charts are drawn):
// it revalidates its whole list (cache: 'no-cache'): the initial files come back from the HTTP cache
// as 304s when the server supports conditional requests, so only the rest is downloaded again.
const precached = new Set(precache.filter((p) => p !== './').map((p) => p.slice(2)));
const sizes = readdirSync(dist)
  .filter((f) => !f.endsWith('.map') && f !== 'sizes.json')
  .sort()
  .map((f) => {
    const bytes = readFileSync(join(dist, f));
    let note = NOTES[f] ?? chunkNote(f);
    if (!initial.has(f) && precached.has(f)) note = note ? `${note}; ${AFTER_LOAD}` : AFTER_LOAD;
    return { file: f, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, initial: initial.has(f),
      precached: precached.has(f), ...(note ? { note } : {}) };
  });
const sum = (list) => list.reduce((a, s) => a + s.gzip, 0);
const initialGzip = sum(sizes.filter((s) => s.initial));
// After load, separately: everything the Service Worker precaches, and the part of it the first
// visit had not fetched (lazy chunks, sw.js's list of extras).
const precacheGzip = sum(sizes.filter((s) => s.precached));
const precacheExtraGzip = sum(sizes.filter((s) => s.precached && !s.initial));
writeFileSync(join(dist, 'sizes.json'), JSON.stringify({
  version, initial_gzip: initialGzip,
  after_load: { precache_gzip: precacheGzip, precache_not_initial_gzip: precacheExtraGzip,
    note: 'fetched by the service worker after the first charts are drawn (the whole list, revalidated with cache: no-cache: what the first visit loaded comes back as 304s, the rest is downloaded); not part of initial_gzip' },
  files: sizes,
}, null, 2) + '\n');
console.error(`dist/ (${version}): ${sizes.map((s) => `${s.file} ${s.bytes} B (${s.gzip} gz)${s.initial ? '' : ' [lazy]'}`).join(', ')}`);
console.error(`initial transfer: ${initialGzip} B gzip (goal: under 400000, 400 KB); after load, the service worker precaches ${precacheGzip} B gzip (${precacheExtraGzip} B not in the initial transfer)`);
