// ECharts' tooltip (with the axis pointer it installs), loaded by charts.js the first time a
// chart is hovered, touched or focused, so a first visit does not wait for it. Imported from its
// file, not the 'echarts/components' index, so its code stays in this chunk.
import { use } from 'echarts/core';
import { install as TooltipComponent } from '../../../node_modules/echarts/lib/component/tooltip/install.js';
// The series' tooltip text: the first visit's bundle holds a forwarder in its place
// (scripts/echarts-stubs.mjs), which this hands the real function to.
import { defaultSeriesFormatTooltip } from '../../../node_modules/echarts/lib/component/tooltip/seriesFormatTooltip.js';
import { setDefaultSeriesFormatTooltip } from 'virtual:echarts-series-tooltip';

setDefaultSeriesFormatTooltip(defaultSeriesFormatTooltip);
use([TooltipComponent]);
