/** Contacts and consents as they go on the wire: one query for any number of rows. */
import type { SQL } from 'drizzle-orm';
import type { Consent, Contact } from '../../../shared/domain/contact/contact.js';
import { consents, contacts } from '../../db/schema.js';
import { selectLive } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';

export async function selectContacts(db: DbOrTx, where: SQL): Promise<Contact[]> {
  const rows = await selectLive(db, contacts, where);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    firstName: r.firstName,
    lastName: r.lastName,
    role: r.role,
    phone: r.phone,
    mobile: r.mobile,
    email: r.email,
    decisionMaker: r.decisionMaker,
    preferredChannel: r.preferredChannel,
    anonymisedAt: toIsoOrNull(r.anonymisedAt),
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectConsents(db: DbOrTx, where: SQL): Promise<Consent[]> {
  const rows = await selectLive(db, consents, where);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    contactId: r.contactId,
    purpose: r.purpose,
    granted: r.granted,
    at: toIso(r.at),
    source: r.source,
  }));
}
