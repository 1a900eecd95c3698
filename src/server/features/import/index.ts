/** Import parsing: CSV files → validated records for head office. See README.md for the seam. */
export { decodeBytes } from './decode.js';
export type { DecodeResult, TextEncodingName } from './decode.js';
export { detectDelimiter, parseCsv } from './csv.js';
export type { CsvRecord, CsvTable, Delimiter } from './csv.js';
export { importErrorCodes, importWarningCodes } from './errors.js';
export type { ImportError, ImportErrorCode, ImportWarning, ImportWarningCode } from './errors.js';
export {
  applyMapping,
  checkMapping,
  fieldSpecs,
  importKinds,
  normaliseHeader,
  overrideColumn,
  suggestMapping,
} from './headers.js';
export type { ColumnMapping, ColumnMatch, ImportField, ImportKind, MappedRow } from './headers.js';
export { lookupsFromSingle, memoryLookups } from './lookups.js';
export type {
  CustomerMatch,
  ImportLookups,
  MemoryData,
  PriceListMatch,
  ProductMatch,
  RepMatch,
  SingleLookups,
} from './lookups.js';
export { importContacts, importCustomers, importOrders, importPrices, importProducts } from './importers.js';
export type {
  ContactImportRecord,
  CustomerImportFields,
  CustomerImportRecord,
  ImportOptions,
  ImportReport,
  ImportResult,
  OrderImportRecord,
  OrderLineImport,
  PriceImportRecord,
  ProductImportFields,
  ProductImportRecord,
} from './importers.js';
export { cdnowProduct, importCdnow } from './cdnow.js';
export type { CdnowOptions, CdnowRecords, CdnowResult } from './cdnow.js';
export {
  encodeCsv,
  exportContacts,
  exportCustomers,
  exportOrders,
  exportPrices,
  exportProducts,
} from './export.js';
export type { CsvStyle } from './export.js';
export { dbLookups, inTextKeys } from './dbLookups.js';
export { writeImport } from './write.js';
export type { ImportRecords, WriteOptions } from './write.js';
export { fieldsOf, runImport } from './run.js';
export type { ImportPhase, RunImportInput, RunImportOptions } from './run.js';
export { importHandlers } from './handlers.js';
