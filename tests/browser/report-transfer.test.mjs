// www/features/analysis/report-transfer.js without a browser: a big report sent in parts arrives whole and equal to
// the original, no part is over budget unless one element alone is, and a small report (the usual
// case) is one message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postReport, postReports, ReportAssembler, PART_BUDGET } from '../../www/features/analysis/report-transfer.js';

// A report shaped like the engine's, with n sentences and a keyword of `occ` occurrences.
function fakeReport(n, occ = 10) {
  const span = (i) => ({ start: i * 10, end: i * 10 + 9 });
  return {
    version: 1, language: 'en', stats: { sentences: n },
    sentences: Array.from({ length: n }, (_, i) => ({ ...span(i), paragraph: i >> 2 })),
    paragraphs: Array.from({ length: n >> 2 }, (_, i) => ({ ...span(i), kind: 'body', section: 0 })),
    sections: [{ start: 0, end: n * 10, title: null, first_paragraph: 0 }],
    timexes: Array.from({ length: n >> 3 }, (_, i) => ({ ...span(i), text: `${1990 + (i % 30)}`, type: 'DATE', value: `${1990 + (i % 30)}` })),
    timeline: [],
    keywords: [
      { term: 'harbour', count: occ, occurrences: Array.from({ length: occ }, (_, i) => span(i)),
        dispersion: { juilland_d: 0.5, sections: [[0, occ]], paragraphs: Array.from({ length: occ >> 1 }, (_, i) => [i, 2]) } },
      { term: 'ferry', count: 3, occurrences: [span(1), span(2), span(3)], dispersion: { sections: [[0, 3]], paragraphs: [[0, 3]] } },
    ],
    warnings: [],
  };
}

// The messages as the page receives them (structured clone), and the assembled result.
function roundTrip(send) {
  const messages = [];
  send((m) => messages.push(structuredClone(m)));
  const parts = new ReportAssembler();
  let result = null;
  for (const m of messages) {
    if (m.type === 'part') parts.add(m);
    else if (m.type === 'result') {
      result = m;
      if (m.report) parts.finish(m.report, m.parts);
      if (m.reports) m.reports.forEach((r, slot) => parts.finish(r, m.parts?.[slot], slot));
    }
  }
  return { messages, result };
}

const cost = (m) => m.items.reduce((a, x) => a + 1 + (x.occurrences?.length ?? 0) + (x.dispersion?.paragraphs?.length ?? 0)
  + (x.dispersion?.sections?.length ?? 0), 0);

test('a small report is one message, unchanged', () => {
  const report = fakeReport(40);
  const { messages, result } = roundTrip((post) => postReport(post, 7, { ms: 3 }, structuredClone(report)));
  assert.equal(messages.length, 1);
  assert.deepEqual(result, { id: 7, type: 'result', ms: 3, report });
});

test('a big report arrives in bounded parts and is reassembled exactly', () => {
  const report = fakeReport(60000, 30000);
  const { messages, result } = roundTrip((post) => postReport(post, 9, { ms: 1 }, structuredClone(report)));
  const parts = messages.filter((m) => m.type === 'part');
  assert.ok(parts.length > 20, `${parts.length} parts`);
  for (const m of parts) {
    assert.equal(m.id, 9);
    // The one keyword with 30 000 occurrences is over budget alone and travels alone.
    assert.ok(cost(m) <= PART_BUDGET || m.items.length === 1, `part of ${m.key}: cost ${cost(m)}`);
  }
  assert.equal(messages.at(-1).type, 'result');
  assert.deepEqual(result.parts, ['sentences', 'paragraphs', 'sections', 'timexes', 'keywords']);
  const { parts: _, ...rest } = result;
  assert.deepEqual(rest, { id: 9, type: 'result', ms: 1, report });
});

test('a comparison of two big reports keeps each report\'s parts apart', () => {
  const a = fakeReport(20000);
  const b = fakeReport(12000, 500);
  const { result } = roundTrip((post) => postReports(post, 4, { keyness: null, ms: 2 }, [structuredClone(a), structuredClone(b)]));
  assert.deepEqual(result.reports, [a, b]);
  assert.equal(result.parts.length, 2);
});
