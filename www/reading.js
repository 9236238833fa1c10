// The reading pane: the article as paragraphs and headings, each sentence a target to jump to,
// dates and the chosen keyword marked. Everything from the article goes in as text nodes.

/** Renders `text` with `report`'s structure into `root`. `highlight` is a list of spans to mark as keywords. */
export function renderReading(root, text, report, highlight = []) {
  const marks = [
    ...report.timexes.map((t) => ({ start: t.start, end: t.end, cls: 'date', title: `${t.type} ${t.value}` })),
    ...highlight.map((s) => ({ start: s.start, end: s.end, cls: 'key', title: '' })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const frag = document.createDocumentFragment();
  let s = 0; // next sentence
  let m = 0; // next mark
  report.paragraphs.forEach((para, p) => {
    const tag = para.kind === 'title' ? 'h3' : para.kind === 'heading' ? 'h4' : 'p';
    const el = document.createElement(tag);
    if (para.kind === 'header') el.className = 'header';
    el.lang = para.language === 'zh' ? 'zh' : para.language === 'en' ? 'en' : '';
    let pos = para.start;
    while (s < report.sentences.length && report.sentences[s].paragraph === p) {
      const sent = report.sentences[s];
      if (sent.start > pos) el.append(text.slice(pos, sent.start));
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
      el.append(span);
      pos = sent.end;
      s++;
    }
    if (pos < para.end) el.append(text.slice(pos, para.end));
    frag.append(el);
  });
  root.replaceChildren(frag);
}

/** Scrolls the reading pane to sentence `index` and flashes it. */
export function jumpToSentence(root, index) {
  const el = root.querySelector(`#s-${index}`);
  if (!el) return;
  root.querySelectorAll('.flash').forEach((x) => x.classList.remove('flash'));
  el.classList.add('flash');
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
