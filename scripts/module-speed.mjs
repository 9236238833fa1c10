// The engine modules side by side in Node (docs/weight.md): node scripts/module-speed.mjs pkg/light
// (or pkg): compile + instantiate, the first analysis of the sample, the median of 30 more, and
// 2 MB of English (the sample repeated), in CPU time of this process (steadier than wall time on a
// busy machine; includes V8 background compilation). ZH=1 also loads the dictionary and runs the
// Chinese sample (full module only).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
const [dir, wasmFile] = process.argv.slice(2);
const pkg = resolve(dir ?? 'pkg/light');
const mod = await import(pathToFileURL(join(pkg, 'article_explorer.js')));
const bytes = readFileSync(wasmFile ?? join(pkg, 'article_explorer_bg.wasm'));
let t0 = performance.now();
await mod.default({ module_or_path: bytes });
const inst = performance.now() - t0;
const sample = readFileSync(new URL('../', import.meta.url).pathname + 'samples/en-peoples-daily-2025-11-05.txt', 'utf8');
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
const time = (text, n) => { const t = []; for (let i = 0; i < n; i++) { const a = cpu(); mod.analyze(text, {}); t.push(cpu() - a); } return med(t); };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const first = (() => { const a = cpu(); mod.analyze(sample, {}); return cpu() - a; })();
const s = time(sample, 30);
const big = sample.repeat(Math.ceil(2e6 / sample.length));
const b = time(big, 3);
let zh = null;
if (process.env.ZH && mod.loadChineseDictionary) {
  mod.loadChineseDictionary(gunzipSync(readFileSync(new URL('../', import.meta.url).pathname + 'pkg/jieba-dict.txt.gz')));
  const z = readFileSync(new URL('../', import.meta.url).pathname + 'samples/zh-community-governance-2025.txt', 'utf8');
  const zb = z.repeat(Math.ceil(1e6 / Buffer.byteLength(z) ));
  zh = { sample: time(z, 10).toFixed(2), mbps: (Buffer.byteLength(zb) / 1e6 / (time(zb, 3) / 1000)).toFixed(2) };
}
console.log(JSON.stringify({ instantiateMs: inst.toFixed(1), firstSampleMs: first.toFixed(1), sampleMedianMs: s.toFixed(2), en2MBps: (Buffer.byteLength(big) / 1e6 / (b / 1000)).toFixed(2), zh }));
