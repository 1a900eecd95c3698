/** Contacts and consents as they go on the wire: one query for any number of rows. */
import type { SQL } from 'drizzle-orm';
import type { Consent, Contact } from '../../../shared/domain/contact/contact.js';
import { consents, contacts } from '../../db/schema.js';
import { selectLiveWire } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';

export function selectContacts(db: DbOrTx, where: SQL): Promise<Contact[]> {
  return selectLiveWire(db, contacts, where, [
    'id',
    'customerId',
    'firstName',
    'lastName',
    'role',
    'phone',
    'mobile',
    'email',
    'decisionMaker',
    'preferredChannel',
    'anonymisedAt',
    'version',
    'updatedAt',
  ]);
}

export function selectConsents(db: DbOrTx, where: SQL): Promise<Consent[]> {
  return selectLiveWire(db, consents, where, [
    'id',
    'customerId',
    'contactId',
    'purpose',
    'granted',
    'at',
    'source',
  ]);
}
