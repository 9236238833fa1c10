// The wasm door of the engine (src/wasm.rs) as wasm-bindgen's glue exports it: pkg/ (the full
// module) and pkg/light/ (the light one), imported as '#engine' and '#engine-light'.
import type { Report, Comparison, ConcordanceResult } from './report';

type Progress = (stage: string, fraction: number) => void;

export default function init(input?: { module_or_path: URL | string | Response | BufferSource | WebAssembly.Module }): Promise<unknown>;

export function analyze(text: string, options: object, progress?: Progress): Report;
export function compare(a: string, b: string, options: object): Comparison;
export function concordance(text: string, query: string, options: object): ConcordanceResult;
export class ConcordanceIndex {
  constructor(text: string, options: object);
  query(query: string, options: object): ConcordanceResult;
  free(): void;
}
export function hasChinese(): boolean;
export function reportVersion(): number;
export function maxInputBytes(): number;
export function loadChineseDictionary(bytes: Uint8Array): number;
export function chineseDictionaryLoaded(): boolean;
export function addChineseWord(word: string, freq: number): boolean;
/** Full module only (the light one never reads Chinese). */
export function setOfficialTerms(add: string[], remove: string[]): void;
export function builtinStopwords(): { en: string[]; zh: string[] };
export function segmentLine(line: string): string;
