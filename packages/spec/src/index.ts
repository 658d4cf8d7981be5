/**
 * @nines/spec: read and validate OpenSLO v1 and Sloth prometheus/v1 YAML into the Nines model;
 * write OpenSLO back.
 *
 * @packageDocumentation
 */
export { parse, safeParse } from './parse.js';
export { toOpenSlo } from './toOpenSlo.js';
export type { ToOpenSloOptions } from './toOpenSlo.js';
export type * from './types.js';
