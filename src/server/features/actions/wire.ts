/** Marketing actions (actions commerciales) as they go on the wire. */
import type { SQL } from 'drizzle-orm';
import type { MarketingAction } from '../../../shared/domain/activity/activity.js';
import { marketingActions } from '../../db/schema.js';
import { selectLive } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

export async function selectMarketingActions(db: DbOrTx, where: SQL): Promise<MarketingAction[]> {
  const rows = await selectLive(db, marketingActions, where);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    kind: r.kind,
    at: toIso(r.at),
    label: r.label,
    reaction: r.reaction,
    version: r.version,
  }));
}
