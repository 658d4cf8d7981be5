import type { Command } from '../command.js';
import { toilCommand } from './toil/index.js';

/**
 * Every `nines` command, in the order `nines --help` lists them. Adding a command is one file
 * exporting a {@link Command} and one line here.
 */
export const COMMANDS: readonly Command[] = [toilCommand];
