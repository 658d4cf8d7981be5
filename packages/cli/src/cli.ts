#!/usr/bin/env node
import process from 'node:process';
import { processIo } from './io.js';
import { run } from './run.js';

// No top-level await: the same entry is also built as CommonJS.
void run(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): let stdout drain before the process ends.
  process.exitCode = code;
});
