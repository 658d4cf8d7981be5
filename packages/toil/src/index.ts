/**
 * @nines/toil: a toil ledger, the toil budget, automation payback and on-call load.
 *
 * Record toil where it happens (`createLedger`, `track`, `toilHandler`), keep it in an
 * append-only JSON Lines file or your own store, import spreadsheets, count it as OpenTelemetry
 * metrics, and report it against a 50% cap like an error budget.
 *
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './store/index.js';
export * from './csv/index.js';
export * from './ledger/index.js';
export * from './report/index.js';
export * from './automation/index.js';
export * from './oncall/index.js';
