export { parseDuration } from './parseDuration.js';
export { formatDuration } from './formatDuration.js';
export { toDuration } from './toDuration.js';
export { formatHumanDuration } from './formatHumanDuration.js';
export {
  formatOpenSloDuration,
  isCalendarUnit,
  openSloDurationFromMilliseconds,
  openSloDurationToMilliseconds,
  parseOpenSloDuration,
} from './openSloDuration.js';
export type {
  OpenSloCalendarUnit,
  OpenSloDuration,
  OpenSloDurationUnit,
} from './openSloDuration.js';
export type { PrometheusDurationUnit } from './units.js';
