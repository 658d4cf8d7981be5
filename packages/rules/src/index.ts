/**
 * @nines/rules: Prometheus recording and alerting rules, and promtool tests, from Nines objectives and burn-rate policies.
 *
 * @packageDocumentation
 */
export {};
