/** Live reads for the "fill the gaps" suggestions (`undefined` = loading). All local. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { GapCandidate } from '../../../shared/domain/route/gaps.js';
import { DAY_MS } from '../../../shared/domain/rfm/rfm.js';
import type { AppDB } from '../../db/AppDB.js';
import type { CustomerRow } from '../../db/schema.js';
import { usePortfolioRfm } from '../customers/index.js';
import { positionOf } from './dayPlanModel.js';
import type { PlaceByPostcode } from './placeByPostcode.js';

const openComplaintStatuses = ['received', 'acknowledged', 'in-progress'] as const;

async function readCandidates(db: AppDB) {
  const [customers, visitKeys, complaints] = await Promise.all([
    db.customers.toArray(),
    // Keys only ([customerId, at]) in order: the last one per customer is its last visit.
    db.visits.orderBy('[customerId+at]').keys(),
    db.complaints.where('status').anyOf(openComplaintStatuses).toArray(),
  ]);
  const lastVisit = new Map<string, string>();
  for (const key of visitKeys) {
    if (!Array.isArray(key)) continue;
    const [customerId, at] = key as unknown as [string, string];
    lastVisit.set(customerId, at);
  }
  const openComplaints = new Map<string, number>();
  for (const c of complaints) openComplaints.set(c.customerId, (openComplaints.get(c.customerId) ?? 0) + 1);
  return { customers, lastVisit, openComplaints };
}

export interface GapData {
  candidates: GapCandidate[];
  customers: ReadonlyMap<string, CustomerRow>;
  approximate: ReadonlySet<string>;
}

/** Every customer with a position, with the figures the suggestions rank by. */
export function useGapCandidates(
  db: AppDB,
  placeByPostcode: PlaceByPostcode,
  now: number,
): GapData | undefined {
  const rows = useLiveQuery(() => readCandidates(db), [db]);
  const rfm = usePortfolioRfm(db);
  return useMemo(() => {
    if (rows === undefined) return undefined;
    const candidates: GapCandidate[] = [];
    const customers = new Map<string, CustomerRow>();
    const approximate = new Set<string>();
    for (const c of rows.customers) {
      const where = positionOf(c, placeByPostcode);
      if (!where) continue;
      customers.set(c.id, c);
      if (where.approximate) approximate.add(c.id);
      const figures = rfm?.now.get(c.id);
      const last = rows.lastVisit.get(c.id);
      candidates.push({
        customerId: c.id,
        position: where.position,
        status: c.status,
        segment: figures?.segment ?? null,
        daysSinceVisit:
          last === undefined ? null : Math.max(0, Math.floor((now - Date.parse(last)) / DAY_MS)),
        daysSinceOrder: figures?.recencyDays ?? null,
        rhythmDays: figures?.rhythmDays ?? null,
        overdue: figures?.overdue ?? false,
        openComplaints: rows.openComplaints.get(c.id) ?? 0,
      });
    }
    return { candidates, customers, approximate };
  }, [rows, rfm, placeByPostcode, now]);
}
