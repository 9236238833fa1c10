// The parts of the page its first view (the sample analyzed, its charts, the reading pane, the
// outline) does not need, bundled as one lazy chunk (lazy.js loads it): the charts' table views
// and downloads, the concordance, opening a file, managing the library, and the comparison.
// One chunk rather than one per part: the page's modules they share then stay in one chunk too.
export { fillTable, setTableMode, toggleAllTables, exportChart, exportReport } from './features/charts/chart-tools.js';
export { openConcordance, closeConcordance } from './features/reading/concordance.js';
export { openFile } from './features/input/open-file.js';
export { startRename, deleteEntry, exportLibrary, importLibrary } from './features/library/library-ui.js';
export { runCompare } from './features/compare/compare.js';
