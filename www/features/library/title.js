// The title of the article in the editor, for file names and the comparison's headings.
import { state } from '../../state.js';
import { entryTitle, firstLine } from './library.js';
import { findEntry } from './store.js';

/** The library entry's title, else the report's title, else the text's first line. */
export function currentTitle() {
  const e = state.id ? findEntry(state.id) : undefined;
  if (e) return entryTitle(e);
  return state.report?.title?.text || firstLine(state.text).slice(0, 80) || 'article';
}
