// ECharts' tooltip (with the axis pointer it installs), loaded by charts.js the first time a
// chart is hovered, touched or focused, so a first visit does not wait for it. Imported from its
// file, not the 'echarts/components' index, so its code stays in this chunk.
import { use } from 'echarts/core';
import { install as TooltipComponent } from '../../../node_modules/echarts/lib/component/tooltip/install.js';

use([TooltipComponent]);
