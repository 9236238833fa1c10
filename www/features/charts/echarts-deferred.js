// ECharts modules that the first visit's code imports but only the tooltip calls are replaced by
// forwarders at bundle time (scripts/echarts-stubs.mjs, ECHARTS_DEFERRED). The build replaces this
// file with the hand-over of the real modules to their forwarders; chart-tooltip.js imports it
// first, so it runs before the tooltip is installed. Without the build's plugin
// (ECHARTS_STUBS=0) there are no forwarders and nothing to hand over.
