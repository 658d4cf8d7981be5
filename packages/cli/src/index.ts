/**
 * @nines/cli: the `nines` command, runnable in process for tests and tools.
 *
 * @packageDocumentation
 */
export { run } from './run.js';
export { processIo, memoryIo } from './io.js';
export type { CliIo, CliOutput, MemoryIo, MemoryIoOptions } from './io.js';
export {
  EXIT,
  CliUsageError,
  parseFlags,
  runSubcommand,
  commandList,
  wantsHelp,
} from './command.js';
export type { Command, FlagSpec, ParsedFlags } from './command.js';
export { COMMANDS } from './commands/index.js';
export { renderTable, formatHours, formatPercent, formatDelta, OUTPUT_FORMATS } from './output.js';
export type { Column, OutputFormat } from './output.js';
export { VERSION } from './version.js';
