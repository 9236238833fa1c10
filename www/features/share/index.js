// The share feature's one lazy entry (main.js and the library's import load it): the dialog, and
// opening a link or a bundle. It imports later.js (the page's lazy chunk, usually loaded by then)
// so that the page modules both use stay in one chunk: a second set of importers would make the
// bundler split the first visit's shared chunk in two (~1 KB gzip more on every first visit).
import '../../later.js';

export { openShare } from './share.js';
export { openLink, openBundle } from './open.js';
