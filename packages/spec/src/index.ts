/**
 * @nines/spec: Read and validate OpenSLO v1 and Sloth prometheus/v1 YAML into the Nines model; write OpenSLO back.
 *
 * @packageDocumentation
 */
export {};
