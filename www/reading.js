// The reading pane: the article as header, title, headings and paragraphs, each sentence a target
// to jump to, dates and the chosen keyword marked from the report's offsets. Everything from the
// article goes in as text nodes. Long articles are rendered in slices of a few milliseconds so
// the page never freezes; a newer render abandons an older one.

let renderToken = 0;
let rendered = Promise.resolve();

const yieldToBrowser = () => new Promise((r) => setTimeout(r, 0));

/** Renders `text` with `report`'s structure into `root`; `highlight` lists spans to mark as the keyword. */
export function renderReading(root, text, report, highlight = [], labels = {}) {
  const token = ++renderToken;
  const marks = [
    ...report.timexes.map((t) => ({ start: t.start, end: t.end, cls: `date ${t.kind ?? ''}`.trim(),
      title: `${t.type} ${t.value}${t.end_value ? ` … ${t.end_value}` : ''}${t.source ? ` (${t.source})` : ''}` })),
    ...highlight.map((s) => ({ start: s.start, end: s.end, cls: 'key', title: '' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  root.replaceChildren();
  root.setAttribute('aria-busy', 'true');
  const sectionStarts = new Map(report.sections.map((s, k) => [s.first_paragraph, k]));
  let s = 0; // next sentence
  let m = 0; // next mark
  let p = 0; // next paragraph

  const renderParagraph = () => {
    const para = report.paragraphs[p];
    const tag = para.kind === 'title' ? 'h3' : para.kind === 'heading' ? 'h4' : 'p';
    const e = document.createElement(tag);
    e.id = `p-${p}`;
    e.className = `para kind-${para.kind}`;
    if (para.language === 'zh') e.lang = 'zh';
    else if (para.language === 'en') e.lang = 'en';
    if (sectionStarts.has(p)) {
      e.dataset.section = String(sectionStarts.get(p));
      e.tabIndex = -1;
    }
    let pos = para.start;
    while (s < report.sentences.length && report.sentences[s].paragraph === p) {
      const sent = report.sentences[s];
      if (sent.start > pos) e.append(text.slice(pos, sent.start));
      const span = document.createElement('span');
      span.id = `s-${s}`;
      span.className = 'sentence';
      while (m < marks.length && marks[m].end <= sent.start) m++;
      let cur = sent.start;
      for (let k = m; k < marks.length && marks[k].start < sent.end; k++) {
        const mk = marks[k];
        const a = Math.max(mk.start, cur);
        const b = Math.min(mk.end, sent.end);
        if (b <= a) continue;
        if (a > cur) span.append(text.slice(cur, a));
        const mark = document.createElement('mark');
        mark.className = mk.cls;
        if (mk.title) mark.title = mk.title;
        mark.textContent = text.slice(a, b);
        span.append(mark);
        cur = b;
      }
      if (cur < sent.end) span.append(text.slice(cur, sent.end));
      e.append(span);
      pos = sent.end;
      s++;
    }
    if (pos < para.end) e.append(text.slice(Math.max(pos, para.start), para.end));
    p++;
    return e;
  };

  rendered = (async () => {
    while (p < report.paragraphs.length) {
      const frag = document.createDocumentFragment();
      const t0 = performance.now();
      while (p < report.paragraphs.length && performance.now() - t0 < 8) frag.append(renderParagraph());
      if (token !== renderToken) return false;
      root.append(frag);
      if (p < report.paragraphs.length) {
        await yieldToBrowser();
        if (token !== renderToken) return false;
      }
    }
    if (!report.paragraphs.length && text.trim()) root.append(Object.assign(document.createElement('p'), { textContent: labels.empty ?? '' }));
    root.removeAttribute('aria-busy');
    return true;
  })();
  return rendered;
}

/** Resolves when the newest render has finished. */
export const readingRendered = () => rendered;

function flash(root, el) {
  root.querySelectorAll('.flash').forEach((x) => {
    x.classList.remove('flash');
    x.removeAttribute('tabindex');
  });
  el.classList.add('flash');
  el.tabIndex = -1;
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/** Scrolls the reading pane to sentence `index`, highlights it and moves the focus there. */
export async function jumpToSentence(root, index) {
  await rendered;
  const el = root.querySelector(`#s-${index}`);
  if (el) flash(root, el);
  return !!el;
}

/** Scrolls the reading pane to the start of section `k`. */
export async function jumpToSection(root, k) {
  await rendered;
  const el = root.querySelector(`[data-section="${k}"]`);
  if (!el) return false;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/** Index of the sentence that contains UTF-16 offset `offset` (binary search). */
export function sentenceAt(report, offset) {
  const ss = report.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Fills the outline `list` with one button per section. */
export function renderOutline(list, report, onPick, labels) {
  const items = report.sections.map((sec, k) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link';
    b.textContent = sec.title ?? labels.opening;
    b.addEventListener('click', () => onPick(k));
    li.append(b);
    return li;
  });
  list.replaceChildren(...items);
}
