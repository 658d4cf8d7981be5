export { parseCsv } from './parseCsv.js';
export type { CsvRecord, CsvDelimiter, CsvParseOptions } from './parseCsv.js';
export { importCsv } from './importCsv.js';
export type { CsvField, CsvHeader, CsvImportOptions } from './importCsv.js';
