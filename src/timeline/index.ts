/** The monthly model's public surface (docs/scenarios.md, "Time"). Re-exports only. */
export { monthGraphs, type MonthGraph } from './month-graphs.js';
export { actionWindows, isoOfMonth, monthNumber, parseIsoMonth, type ActionWindow, type IsoMonth } from './months.js';
export { proportionalTimeline, type BoundTimeline } from './proportional-timeline.js';
export { initialStocks } from './stocks.js';
export { boundSeries, MAX_MONTHS, monthlyUnit, SHORTAGE_TOLERANCE, timeline, type BoundSeries, type EndUseTimeline, type NodeStock, type TimelineOptions, type TimelineResult } from './timeline.js';
