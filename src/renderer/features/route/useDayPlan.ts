/**
 * The day's route as the screens read it (route screen, printable day sheet): the stops with
 * their customer and appointment, the plan of the current order, what cannot be placed, and
 * whether the start point is set. Everything is local (works offline) and live: a moved
 * appointment or a new order of the stops shows at once.
 *
 * Shape kept stable for consumers: `{ state: 'loading' }` or a `DayPlanReady`.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { TravelSettings } from '../../../shared/domain/geo/geo.js';
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { useApp } from '../../app/context.js';
import type { AppDB } from '../../db/AppDB.js';
import type { CustomerRow } from '../../db/schema.js';
import { usePortfolioRfm } from '../customers/index.js';
import { dayRange, todayIn } from '../../../shared/lib/calendar.js';
import type { DayPlanState } from './dayPlanModel.js';
import { buildDayPlan } from './dayPlanModel.js';
import type { PlaceByPostcode } from './placeByPostcode.js';
import { usePlaceByPostcode } from './placeByPostcode.js';

/** The rows of one day, read in one live query. */
async function readDay(db: AppDB, userId: string, day: string, timeZone: string) {
  const { fromIso, toIso } = dayRange(day, timeZone);
  const [start, roadFactor, speedKmh, row, appointments] = await Promise.all([
    db.getMeta('routeStart'),
    db.getMeta('roadFactor'),
    db.getMeta('averageSpeedKmh'),
    db.dayPlans.get(day),
    db.appointments.where('startAt').between(fromIso, toIso, true, false).toArray(),
  ]);
  const mine = appointments.filter((a) => a.repId === userId);
  const ids = [...new Set([...mine.map((a) => a.customerId), ...(row?.extraCustomerIds ?? [])])];
  const rows = await db.customers.bulkGet(ids);
  const customers = new Map<string, CustomerRow>();
  for (const c of rows) if (c) customers.set(c.id, c);
  const travel: TravelSettings = { roadFactor: roadFactor ?? 1.3, speedKmh: speedKmh ?? 60 };
  return { start: start ?? null, travel, row: row ?? null, appointments: mine, customers };
}

export function useDayPlan(day: string | null, placeByPostcodeOverride?: PlaceByPostcode): DayPlanState {
  const { db, user } = useApp();
  const bundled = usePlaceByPostcode();
  const placeByPostcode = placeByPostcodeOverride ?? bundled;
  const theDay = day ?? todayIn(user.timeZone);
  const rows = useLiveQuery(
    () => readDay(db, user.id, theDay, user.timeZone),
    [db, user.id, theDay, user.timeZone],
  );
  const rfm = usePortfolioRfm(db);
  return useMemo(() => {
    if (rows === undefined) return { state: 'loading' };
    const segments = new Map<string, RfmSegment | null>();
    for (const id of rows.customers.keys()) segments.set(id, rfm?.now.get(id)?.segment ?? null);
    return buildDayPlan({ ...rows, day: theDay, timeZone: user.timeZone, segments }, placeByPostcode);
  }, [rows, rfm, theDay, user.timeZone, placeByPostcode]);
}
