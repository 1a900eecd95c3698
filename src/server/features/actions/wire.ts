/** Marketing actions (actions commerciales) as they go on the wire. */
import type { SQL } from 'drizzle-orm';
import type { MarketingAction } from '../../../shared/domain/activity/activity.js';
import { marketingActions } from '../../db/schema.js';
import { selectLiveWire } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';

export function selectMarketingActions(db: DbOrTx, where: SQL): Promise<MarketingAction[]> {
  return selectLiveWire(db, marketingActions, where, [
    'id',
    'customerId',
    'kind',
    'at',
    'label',
    'reaction',
    'version',
  ]);
}
