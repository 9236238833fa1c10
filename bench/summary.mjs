// The corpus path per article: wasm `summarizeArticle(text, options)` in Node against native
// `corpus::summarize` on the same text, in one command, taking turns batch by batch so load
// changes on a shared machine hit both alike. Prints the medians per run and the wasm/native
// ratio (the corpus goal: one 27 KB article within 1.5× of native).
//
//   cargo build --release --example summary_timing
//   node bench/summary.mjs [--pkg DIR]... [--native BIN] [--inputs en-sample,zh-sample] [--runs N] [--what summarize|analyze] [--cpu] [--smoke]
//
// The last line of output is JSON (`{"load", "inputs": [{input, bytes, native_ms, wasm_ms, ratio}]}`,
// the first --pkg's), which bench/run.mjs reads; --smoke: a few runs without warm-up (checks that
// the script works).
// --cpu: CPU time instead of wall time (Node: process.cpuUsage(); native: the thread's CPU time),
// which a loaded machine disturbs less (no time waiting for a core is counted).
// --pkg: a wasm-bindgen `--target web` directory of the full module (default pkg/); repeat it to
// compare builds (copies in different directories). --native: the timing binary
// (examples/summary_timing.rs; default target/release/examples/summary_timing), a process that
// keeps the engine and texts loaded and times batches on request. Inputs are bench/.data/<name>.txt
// or file paths. Both sides get the same options: an id and a file name with a date.
//
// Warm-up: V8 compiles wasm with Liftoff first and tiers hot functions up to TurboFan after many
// calls (the first dozen summaries of a fresh module run 2–4× slower), so every build runs at
// least 30 untimed summaries and 1 s before timing; the native side gets the same warm-up.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { repeatedOptions } from './lib/args.mjs';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = repeatedOptions(args);
const pkgs = opt('--pkg', [join(root, 'pkg')]).map((p) => resolve(p));
const nativeBin = resolve(opt('--native', [join(root, 'target/release/examples/summary_timing')])[0]);
const inputs = opt('--inputs', ['en-sample,zh-sample'])[0].split(',');
const smoke = args.includes('--smoke');
const runs = smoke ? 5 : Number(opt('--runs', [60])[0]);
const what = opt('--what', ['summarize'])[0];
const cpu = args.includes('--cpu');
const BATCH = 5;
const WARM_RUNS = smoke ? 1 : 30;
const WARM_MS = smoke ? 0 : 1000;
const options = { id: 'a', file_name: '2025-11-05.txt' };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

if (!existsSync(nativeBin)) {
  console.error(`no ${nativeBin}: build it with \`cargo build --release --example summary_timing\``);
  process.exit(2);
}

async function load(dir) {
  const mod = await import(pathToFileURL(join(dir, 'article_explorer.js')).href);
  await mod.default({ module_or_path: readFileSync(join(dir, 'article_explorer_bg.wasm')) });
  if (!mod.summarizeArticle) throw new Error(`${dir}: no summarizeArticle (the light module?)`);
  const dict = [join(dir, 'jieba-dict.txt.gz'), join(root, 'pkg/jieba-dict.txt.gz'), join(root, 'data/zh/jieba-dict.txt.gz')].find(existsSync);
  if (dict) mod.loadChineseDictionary(gunzipSync(readFileSync(dict)));
  return { dir, mod, label: dir.split('/').slice(-2).join('/').slice(-30) };
}

const call = (b, text) => (what === 'analyze' ? b.mod.analyze(text, {}) : b.mod.summarizeArticle(text, options));

function wasmBatch(b, text, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    if (cpu) {
      const c0 = process.cpuUsage();
      call(b, text);
      const c = process.cpuUsage(c0);
      out.push((c.user + c.system) / 1000);
    } else {
      const t0 = performance.now();
      call(b, text);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

// The native process: one request line, one answer line of times.
const paths = inputs.map((name) => (name.includes('/') ? resolve(name) : join(root, 'bench/.data', `${name}.txt`)));
for (const p of paths) if (!existsSync(p)) { console.error(`no ${p} (node bench/run.mjs --only inputs writes it)`); process.exit(2); }
const child = spawn(nativeBin, paths, { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
async function nativeBatch(index, n) {
  child.stdin.write(`${what} ${index} ${n}${cpu ? ' cpu' : ''}\n`);
  const { value } = await lines.next();
  return value.trim().split(' ').map(Number);
}

const builds = [];
for (const p of pkgs) builds.push(await load(p));
console.log(`${what}, ${cpu ? 'CPU' : 'wall'} time: native ${nativeBin}\nwasm: ${pkgs.join(', ')}\nload at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const rows = [];
for (const [index, name] of inputs.entries()) {
  const text = readFileSync(paths[index], 'utf8');
  const bytes = Buffer.byteLength(text);
  // Warm-up, untimed.
  for (const b of builds) {
    const start = performance.now();
    for (let i = 0; i < WARM_RUNS || performance.now() - start < WARM_MS; i++) call(b, text);
  }
  {
    const start = performance.now();
    do await nativeBatch(index, WARM_RUNS); while (performance.now() - start < WARM_MS);
  }
  const native = [];
  const wasm = builds.map(() => []);
  for (let r = 0; r < runs; r += BATCH) {
    native.push(...(await nativeBatch(index, BATCH)));
    builds.forEach((b, i) => wasm[i].push(...wasmBatch(b, text, BATCH)));
  }
  const summary = what === 'summarize' ? builds[0].mod.summarizeArticle(text, options) : null;
  const size = summary ? `, summary ${(JSON.stringify(summary).length / 1024).toFixed(1)} KB as JSON (${summary.terms.length} terms, ${summary.ngrams.length} n-grams, ${summary.timeline.length} events)` : '';
  const nat = median(native);
  console.log(`\n${name} (${(bytes / 1024).toFixed(1)} KB, ${native.length} runs each after warm-up, load ${loadavg()[0].toFixed(2)}${size})`);
  console.log(`${'side'.padEnd(32)} ${'median ms'.padStart(10)} ${'min ms'.padStart(8)} ${'× native'.padStart(9)}`);
  console.log(`${'native'.padEnd(32)} ${nat.toFixed(3).padStart(10)} ${Math.min(...native).toFixed(3).padStart(8)} ${'1.00'.padStart(9)}`);
  rows.push({ input: name, bytes, native_ms: nat, wasm_ms: median(wasm[0]), ratio: median(wasm[0]) / nat });
  builds.forEach((b, i) => {
    const med = median(wasm[i]);
    console.log(`${('wasm ' + b.label).padEnd(32)} ${med.toFixed(3).padStart(10)} ${Math.min(...wasm[i]).toFixed(3).padStart(8)} ${(med / nat).toFixed(2).padStart(9)}`);
  });
}
child.stdin.end();
console.log(JSON.stringify({ what, cpu, load: loadavg()[0], inputs: rows }));
