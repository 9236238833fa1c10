// ECharts and zrender modules the page can never reach, replaced by stubs when esbuild bundles
// www/ (scripts/build-site.mjs). ECharts' core imports them for every build, whatever it is used
// for; tree shaking cannot drop them because the core registers them (a theme, a locale, a loading
// animation, a preprocessor) or because a module we use reaches them only on paths our options never
// take (polar bars, log axes, dataset transforms, decals).
//
// Each entry: the module (path under node_modules/), why it is unreachable for the options
// www/features/charts/charts.js and chart-export.js give (cartesian grid, value/category/time
// axes, bar and scatter series, no theme, no dataset, no decal, options in the current format),
// and its stub, which keeps the module's exports. A stubbed function that is called anyway throws, so an option
// that would need it fails loudly instead of drawing wrong; the one stub that does run
// (backwardCompat, on every setOption) is a no-op for current-format options. The figures are
// what each entry takes off the first visit's gzip bytes, all 18 together −13,340 B.
// ECHARTS_STUBS=0 builds without them; ECHARTS_STUBS_OMIT=<module>,… without those entries (to
// measure one).

import { dirname } from 'node:path';
import { readFile } from 'node:fs/promises';

const unreachable = (what) => `() => { throw new Error(${JSON.stringify(`${what} is not in this build (scripts/echarts-stubs.mjs)`)}); }`;

export const ECHARTS_STUBS = {
  // The dark theme, registered by the core for init(dom, 'dark'). charts.js never passes a theme:
  // it draws with its own light and dark palettes. (−871 B)
  'echarts/lib/theme/dark.js': 'export default {};',
  // The Chinese locale (month and day names, toolbox and aria texts). ECharts picks its locale
  // once, when its module is evaluated, from <html lang> (then navigator.language); index.html is
  // lang="en" until main.js runs, so the page always gets 'EN', and charts.js passes no `locale`.
  // 'ZH' is served the English strings instead, so it could never be missing strings. (−1,041 B)
  'echarts/lib/i18n/langZH.js': "export { default } from './langEN.js';",
  // The loading spinner, registered for chart.showLoading(), which the page never calls. (−550 B)
  'echarts/lib/loading/default.js': `export default ${unreachable('showLoading()')};`,
  // Option backward compatibility (ECharts 2-4 names: itemStyle.normal, barBorderColor, x/y for
  // left/top, hoverAnimation, dataRange, …), a preprocessor run on every setOption. Our options use
  // current names only; its one other effect, series as an array, our options already have, and a
  // merge without series (zoom, tooltip) needs none. (−1,989 B with compatStyle, which only it imports)
  'echarts/lib/preprocessor/backwardCompat.js': 'export default function backwardCompat() {}',
  // Log axes (axis type 'log'); ours are value, category and time. An instanceof check in a
  // development-only assertion is all else that touches it. (−694 B)
  'echarts/lib/scale/Log.js': 'export default class LogScale {}',
  // Ticks aligned across axes: only for an axis with `alignTicks: true` (Grid sets `__alignTo`
  // only then); no option of ours sets it. (−933 B)
  'echarts/lib/coord/axisAlignTicks.js': `export const scaleCalcAlign = ${unreachable('alignTicks')};`,
  // Dataset transforms (dataset.transform, echarts.registerTransform): the page has no dataset
  // and registers no transform. (−820 B)
  'echarts/lib/data/helper/transform.js': `export class ExternalSource {}
export const registerExternalTransform = ${unreachable('registerTransform()')};
export const applyDataTransform = ${unreachable('dataset.transform')};`,
  // Decal patterns: made only for an itemStyle.decal or the aria component's decals; the page
  // sets no decal and has no aria component. (−1,707 B)
  'echarts/lib/util/decal.js': `export const createOrUpdatePatternFromDecal = ${unreachable('itemStyle.decal')};`,
  // zrender's element that draws many shapes in steps: ECharts only re-exports it (as
  // graphic.IncrementalDisplayable, for user code); none of its modules makes one (large scatter
  // and bars draw their own large paths). (−426 B)
  'zrender/lib/graphic/IncrementalDisplayable.js': 'export default class IncrementalDisplayable {}',
  // SVG path strings turned into shapes: symbols and icons given as 'path://…', merged paths of
  // polar and single axes, the axis pointer's drag handle. Our symbols are circle, rect, roundRect
  // and none, our axes cartesian, and the tooltip's axis pointer has no handle. (−1,471 B, with
  // transformPath, which only it imports)
  'zrender/lib/tool/path.js': `export const createFromString = ${unreachable("a 'path://' symbol or icon")};
export const extendFromString = ${unreachable("a 'path://' shape")};
export const mergePath = ${unreachable('mergePath (polar and single axes)')};
export const clonePath = ${unreachable('clonePath (universal transition)')};`,
  // zrender shapes that ECharts only registers (for the custom series and the graphic component,
  // by name) and re-exports (graphic.Ellipse, …): no module of the page's charts draws one (lines,
  // graph, tree, radar, polar axes and maps do). CompoundPath is also tested with instanceof in
  // the SVG renderer, which a class without instances answers the same.
  'zrender/lib/graphic/shape/Ellipse.js': 'export default class Ellipse {}', // −101 B
  'zrender/lib/graphic/shape/Ring.js': 'export default class Ring {}', // −55 B
  'zrender/lib/graphic/shape/Arc.js': 'export default class Arc {}', // −75 B
  'zrender/lib/graphic/shape/BezierCurve.js': 'export default class BezierCurve {}', // −331 B
  'zrender/lib/graphic/CompoundPath.js': 'export default class CompoundPath {}', // −153 B
  // Polar bars' shapes and labels (BarView uses them only on a polar coordinate system, which is
  // not installed): rounded sectors (−1,236 B), their label positions (−578 B), round-capped bars (−255 B).
  'zrender/lib/graphic/helper/roundSector.js': `export const buildPath = ${unreachable('a sector shape (polar bars, pie)')};`,
  'echarts/lib/label/sectorLabel.js': `export const createSectorCalculateTextPosition = ${unreachable('polar bar labels')};
export const setSectorTextRotation = ${unreachable('polar bar labels')};`,
  'echarts/lib/util/shape/sausage.js': 'export default class SausagePath {}',
};

// Parts of a module the page can never reach, cut out of the one module that calls them (the rest
// of it stays): each entry, the module and its [text, replacement] pairs; a text no longer found
// (a new ECharts) fails the build. The line series (the corpus's trends chart, a lazy chunk) calls
// two functions of modules the first visit loads, which would then carry them: the colour stops of
// a visualMap gradient (no visualMap here) and an end label's value animation (no endLabel).
// (−351 B off the first visit)
export const ECHARTS_PATCHES = {
  'echarts/lib/chart/line/LineView.js': [
    ["import { lerp } from 'zrender/lib/tool/color.js';", `const lerp = ${unreachable('a visualMap gradient on a line series')};`],
    ['modelUtil.interpolateRawValues(', `(${unreachable("an end label's value animation")})(`],
  ],
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const pathFilter = (keys) => new RegExp(`node_modules[\\\\/](${keys.map(escape).join('|').replaceAll('\\/', '[\\\\/]')})$`);
const keyOf = (keys, path) => keys.find((k) => path.replaceAll('\\', '/').endsWith(`node_modules/${k}`));

// Late-bound: the series' default tooltip text. Every series model imports it (Series.js, for
// formatTooltip), but only the tooltip component calls it, and the tooltip is a lazy chunk
// (chart-tooltip.js). Series.js gets a forwarder instead; chart-tooltip.js imports the real module
// (with tooltipMarkup.js) and hands it over through 'virtual:echarts-series-tooltip'. (−1,727 B)
const SERIES_TOOLTIP = 'echarts/lib/component/tooltip/seriesFormatTooltip.js';
const SERIES_TOOLTIP_LATE = `let impl = ${unreachable('a series tooltip before chart-tooltip.js loaded')};
export function defaultSeriesFormatTooltip(opt) { return impl(opt); }
export function setDefaultSeriesFormatTooltip(f) { impl = f; }`;

/** The esbuild plugin: each module of ECHARTS_STUBS is loaded as its stub. */
export const echartsStubs = {
  name: 'echarts-stubs',
  setup(b) {
    const off = process.env.ECHARTS_STUBS === '0';
    const omit = (process.env.ECHARTS_STUBS_OMIT ?? '').split(',');
    const keys = off ? [] : Object.keys(ECHARTS_STUBS).filter((k) => !omit.includes(k));
    if (!off && !omit.includes(SERIES_TOOLTIP)) {
      const late = { path: 'series-tooltip', namespace: 'echarts-late' };
      b.onResolve({ filter: /^virtual:echarts-series-tooltip$/ }, () => late);
      b.onResolve({ filter: /seriesFormatTooltip\.js$/ }, (a) => (a.importer.replaceAll('\\', '/').endsWith('echarts/lib/model/Series.js') ? late : undefined));
      b.onLoad({ filter: /.*/, namespace: 'echarts-late' }, () => ({ contents: SERIES_TOOLTIP_LATE, loader: 'js' }));
    } else {
      // Without the forwarder, chart-tooltip.js's hand-over goes to a no-op.
      b.onResolve({ filter: /^virtual:echarts-series-tooltip$/ }, () => ({ path: 'series-tooltip-off', namespace: 'echarts-late' }));
      b.onLoad({ filter: /.*/, namespace: 'echarts-late' }, () => ({ contents: 'export function setDefaultSeriesFormatTooltip() {}', loader: 'js' }));
    }
    const patched = off ? [] : Object.keys(ECHARTS_PATCHES).filter((k) => !omit.includes(k));
    if (patched.length) b.onLoad({ filter: pathFilter(patched), namespace: 'file' }, async (a) => {
      let contents = await readFile(a.path, 'utf8');
      for (const [text, by] of ECHARTS_PATCHES[keyOf(patched, a.path)]) {
        if (contents.split(text).length !== 2) throw new Error(`${a.path}: "${text}" is not there once (scripts/echarts-stubs.mjs)`);
        contents = contents.replace(text, () => by);
      }
      return { contents, loader: 'js', resolveDir: dirname(a.path) };
    });
    if (keys.length) b.onLoad({ filter: pathFilter(keys), namespace: 'file' }, (a) => ({
      contents: `// Stub (scripts/echarts-stubs.mjs)\n${ECHARTS_STUBS[keyOf(keys, a.path)]}\n`, loader: 'js', resolveDir: dirname(a.path) }));
  },
};
