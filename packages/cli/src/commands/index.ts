import type { Command } from '../command.js';
import { budgetCommand } from './slo/budget.js';
import { explainCommand } from './slo/explain.js';
import { gateCommand } from './slo/gate.js';
import { generateCommand } from './slo/generate.js';
import { validateCommand } from './slo/validate.js';
import { toilCommand } from './toil/index.js';

/**
 * Every `nines` command, in the order `nines --help` lists them. Adding a command is one file
 * exporting a {@link Command} and one line here.
 */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  generateCommand,
  budgetCommand,
  explainCommand,
  gateCommand,
  toilCommand,
];
