// The engine's report as the page reads it (the report contract: src/report.rs). Offsets are
// UTF-16 code units into the analyzed text, half-open [start, end).

export type Language = 'en' | 'zh' | 'mixed' | 'other';

/**
 * A warning: {code, params} from contract version 2 on (the codes are stable; the page words
 * them, features/reading/warnings.js), an English sentence in version 1.
 */
export type Warning = string | { code: string; params: Record<string, unknown> };

export interface Span { start: number; end: number }

export interface Report {
  /** The contract version: 1 (warnings as sentences) or 2 (warnings as codes). */
  version: number;
  language: Language;
  reference_date: { value: string | null; source: 'dateline' | 'caller' | 'none'; span?: Span };
  stats: { characters: number; utf16_length?: number; words: number; sentences: number; paragraphs: number; sections: number };
  header?: { field: string; value: string; start: number; end: number }[];
  title: { start: number; end: number; text: string } | null;
  sections: Section[];
  paragraphs: { start: number; end: number; kind: 'header' | 'title' | 'heading' | 'body'; language: Language; section: number }[];
  sentences: { start: number; end: number; paragraph: number }[];
  keywords: Keyword[];
  phrases?: number[];
  distinctive?: number[];
  timexes: Timex[];
  timeline: TimelineEntry[];
  warnings: Warning[];
}

export interface Section {
  start: number; end: number; title: string | null; level?: number; first_paragraph: number; paragraph_count: number;
  /** Not in the contract yet: read when an engine gives it. */
  words?: number; stats?: { words?: number };
}

export interface TermCount { term: string; count: number }

export interface Keyword {
  term: string;
  count: number;
  kind: 'word' | 'phrase';
  occurrences: Span[];
  free_count?: number;
  variants?: TermCount[];
  absorbs?: TermCount[];
  association?: number;
  keyness?: { log_likelihood: number; log_ratio: number; per_million: number; reference_per_million: number; in_reference: boolean };
  dispersion?: { sections: [number, number][]; paragraphs: [number, number][]; juilland_d: number | null; dp: number | null };
}

export interface Timex {
  start: number; end: number; text: string; type: 'DATE' | 'TIME' | 'DURATION' | 'SET'; value: string; end_value?: string;
  kind: 'explicit' | 'relative' | 'domain'; source?: string; sentence: number;
  /** From report version 3: the kind of rule, what a relative value was counted from, TimeML's mod. */
  rule?: 'explicit' | 'relative' | 'narrative' | 'festival' | 'institutional';
  anchor?: 'dateline' | 'caller' | 'earlier'; anchor_timex?: number; mod?: 'START' | 'MID' | 'END' | 'APPROX';
}

export interface TimelineEntry {
  timex: number; start_date: string; end_date: string; granularity: string; kind: 'explicit' | 'relative' | 'domain'; sentence: number;
  soft_start?: boolean; soft_end?: boolean;
}

/** The engine's comparison of two texts (its `compare` entry). */
export interface Comparison { words_a: number; words_b: number; over_a: KeynessRow[]; over_b: KeynessRow[] }
export interface KeynessRow {
  term: string; count_a: number; count_b: number; per_million_a: number; per_million_b: number; log_likelihood: number; log_ratio: number;
}

export interface ConcordanceLine { start: number; end: number; left: string; text: string; right: string; paragraph: number }
export interface ConcordanceResult { total: number; mode: string; lines: ConcordanceLine[] }

/** The keyword settings the page keeps (part of the analysis options). */
export interface KeywordOptions {
  stopwords_add: string[]; stopwords_remove: string[]; keep_numbers: boolean; user_words: string[];
  /** Official-term edits for the engine's lexicon (absent in settings kept before they existed). */
  official_terms_add?: string[]; official_terms_remove?: string[];
}

/** The options of an analysis (the worker takes user_words out for the Chinese dictionary). */
export interface AnalysisOptions extends Partial<KeywordOptions> { dct?: string; lang?: 'auto' | 'en' | 'zh'; keyword_limit?: number }
