// ECharts' installers that the page imports from their files under echarts/lib/ (its package
// exports do not list them, and no declarations sit beside them): each registers one part of
// ECharts with use().
declare module '*/echarts/lib/chart/bar/install.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/chart/scatter/install.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/chart/line/install.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/component/grid/installSimple.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/renderer/installCanvasRenderer.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/renderer/installSVGRenderer.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/component/legend/installLegendPlain.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/component/tooltip/install.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/component/tooltip/seriesFormatTooltip.js' { export function defaultSeriesFormatTooltip(opt: object): unknown; }
// The hand-over of the series' tooltip text to the first visit's bundle (scripts/echarts-stubs.mjs).
declare module 'virtual:echarts-series-tooltip' { export function setDefaultSeriesFormatTooltip(f: (opt: object) => unknown): void; }
