import { packageConfig } from '../../scripts/tsup.js';

// src/cli.ts starts with a #!/usr/bin/env node shebang, which tsup keeps in dist/cli.js.
export default packageConfig(['src/index.ts', 'src/cli.ts']);
