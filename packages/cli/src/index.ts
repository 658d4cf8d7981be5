/**
 * @nines/cli: The nines command: validate, generate, budget, explain, gate, toil.
 *
 * @packageDocumentation
 */
export {};
