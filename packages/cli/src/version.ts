/** The CLI's version, printed by `nines --version`. Keep in step with package.json. */
export const VERSION = '0.1.0';
