import { packageConfig } from '../../scripts/tsup.js';

// The worker that reads part of a ledger is a file of its own, next to the bundle that starts it.
export default packageConfig({ index: 'src/index.ts', scanWorker: 'src/parallel/scanWorker.ts' });
