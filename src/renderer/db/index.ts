export { AppDB, MetaValueError, databaseNameFor, openUserDB } from './AppDB.js';
export type {
  ConflictRow,
  CustomerRow,
  MetaKey,
  MetaValue,
  NoteRow,
  OutboxEntry,
  OutcomeRow,
} from './schema.js';
