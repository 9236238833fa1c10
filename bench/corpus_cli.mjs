// The corpus command on many articles (docs/bench.md): `node bench/corpus_cli.mjs --cli PATH`.
//
// Generates two corpora of dated articles in bench/.data/corpus-cli/ (once): a small one (about
// SMALL_MB) and a large one (about LARGE_MB, ten times as big), each article a sample rotated by
// paragraphs with its own dateline, English and Chinese mixed. Then, in one run:
// - speed: `corpus --threads 1` and `--threads 2` on the small corpus, taking turns, REPS times
//   each; medians and their ratio (the 2-core speed-up);
// - memory: the peak RSS (`/usr/bin/time -f %M`) of `corpus` on the small and on the large corpus;
//   their ratio shows whether memory grows with the corpus (bounded: close to 1);
// - the large corpus on one thread as well (its 2-core speed-up, where the fixed start-up weighs
//   little), and the start-up alone (one short article).
// Prints progress on stderr and one JSON object on the last line of stdout. Never asserts a timing.
//   --smoke     tiny corpora, one repetition
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { root, dataDir, MiB } from './lib/inputs.mjs';
import { median } from './lib/stats.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const smoke = args.includes('--smoke');
const cli = opt('--cli') ?? join(root, 'target/release/article-explorer');
const SMALL_MB = smoke ? 0.3 : 10;
const LARGE_MB = smoke ? 1 : 100;
const REPS = smoke ? 1 : 3;
const log = (...m) => console.error(`[corpus-cli ${new Date().toISOString().slice(11, 19)}]`, ...m);

const samples = ['en-peoples-daily-2025-11-05.txt', 'zh-community-governance-2025.txt'].map((f) =>
  readFileSync(join(root, 'samples', f), 'utf8').split(/\n\s*\n/).filter((p) => p.trim()));

/** Writes about `mb` megabytes of articles into `dir` (kept when already there). */
function makeCorpus(dir, mb) {
  // Beside the folder, not in it: the corpus command would list it as a skipped hidden file.
  const stamp = `${dir}.complete`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(mb)) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; bytes < mb * MiB; i++) {
    const zh = i % 3 === 2;
    const paras = samples[zh ? 1 : 0];
    const shift = i % paras.length;
    const body = paras.slice(shift).concat(paras.slice(0, shift)).join('\n\n');
    const day = new Date(Date.UTC(2015, 0, 1) + i * 86_400_000 / 3);
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const head = zh ? `人民日报 ${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日 第01版\n第${i}篇\n\n`
      : `People's Daily (${day.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${d}, ${y})\nArticle ${i}\n\n`;
    const text = head + body + '\n';
    // Folders of 500 files, as a corpus on disk tends to be split.
    const sub = join(dir, String(Math.floor(i / 500)).padStart(4, '0'));
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `a${i}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(stamp, String(mb));
}

/** One run of the corpus command: wall time (ms) and peak RSS (KB). */
function runCorpus(dir, threads) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cli, 'corpus', '--threads', String(threads), '--term', 'social work', '--term', '社会工作', '--period', 'year', dir],
    { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MiB });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`corpus failed: ${r.stderr.slice(-500)}`);
  const rssKb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, rssKb };
}

const corpusBytes = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.txt'))
  .reduce((a, f) => a + readFileSync(join(dir, f)).length, 0);
const corpusFiles = (dir) => readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.txt')).length;

const base = join(dataDir, 'corpus-cli');
const small = join(base, smoke ? 'smoke-small' : 'small');
const large = join(base, smoke ? 'smoke-large' : 'large');
log(`corpora: ${SMALL_MB} MB and ${LARGE_MB} MB in ${base}`);
makeCorpus(small, SMALL_MB);
makeCorpus(large, LARGE_MB);

const load1Start = os.loadavg()[0];
const one = [], two = [];
runCorpus(small, 2); // warm-up: the file cache, the dictionary's first parse
for (let r = 0; r < REPS; r++) {
  one.push(runCorpus(small, 1));
  two.push(runCorpus(small, 2));
  log(`rep ${r + 1}: 1 thread ${one.at(-1).ms.toFixed(0)} ms, 2 threads ${two.at(-1).ms.toFixed(0)} ms`);
}
const bigRun = runCorpus(large, 2);
log(`large corpus: ${bigRun.ms.toFixed(0)} ms, peak RSS ${(bigRun.rssKb / 1024).toFixed(0)} MB`);
// The large corpus on one thread too: the per-process start-up (the Chinese dictionary's parse,
// serial, ~0.1 s) is a tenth of the small corpus's one-thread time but a hundredth of this one's,
// so this ratio is the speed-up of the per-article work.
const bigOne = runCorpus(large, 1);
log(`large corpus, 1 thread: ${bigOne.ms.toFixed(0)} ms`);
// The start-up alone: one short article.
const tiny = join(base, 'one-article');
mkdirSync(tiny, { recursive: true });
writeFileSync(join(tiny, 'a.txt'), 'The council met on 3 March 2025.\n');
const startup = median([0, 1, 2].map(() => runCorpus(tiny, 1).ms));
const out = {
  cores: os.cpus().length,
  small: { files: corpusFiles(small), bytes: corpusBytes(small) },
  large: { files: corpusFiles(large), bytes: corpusBytes(large) },
  reps: REPS,
  median_ms: { threads_1: median(one.map((x) => x.ms)), threads_2: median(two.map((x) => x.ms)) },
  peak_rss_kb: { small: median(two.map((x) => x.rssKb)), large: bigRun.rssKb },
  large_ms: bigRun.ms,
  large_ms_threads_1: bigOne.ms,
  startup_ms: startup,
  load1_start: load1Start,
  load1_end: os.loadavg()[0],
};
out.speedup_2_vs_1 = out.median_ms.threads_1 / out.median_ms.threads_2;
out.speedup_2_vs_1_large = out.large_ms_threads_1 / out.large_ms;
out.rss_large_vs_small = out.peak_rss_kb.large / out.peak_rss_kb.small;
console.log(JSON.stringify(out));
