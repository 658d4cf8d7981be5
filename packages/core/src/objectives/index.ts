export type * from './types.js';
export type * from './sli.js';
export * from './target.js';
