import { packageConfig } from '../../scripts/tsup.js';

export default packageConfig();
