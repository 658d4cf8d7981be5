/**
 * @nines/toil: Toil ledger, toil budget, automation payback and on-call load.
 *
 * @packageDocumentation
 */
export {};
