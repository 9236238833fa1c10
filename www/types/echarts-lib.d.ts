// ECharts' installers that the page imports from their files under echarts/lib/ (its package
// exports do not list them, and no declarations sit beside them): each registers one part of
// ECharts with use().
declare module '*/echarts/lib/component/grid/installSimple.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/renderer/installCanvasRenderer.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/renderer/installSVGRenderer.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/component/legend/installLegendPlain.js' { export function install(registers: object): void; }
declare module '*/echarts/lib/component/tooltip/install.js' { export function install(registers: object): void; }
