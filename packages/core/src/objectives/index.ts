export type * from './types.js';
export type * from './sli.js';
export * from './target.js';
export { defineObjective, defineObjectives, OBJECTIVE_ID_PATTERN } from './defineObjective.js';
