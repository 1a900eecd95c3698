/** Head-office team review: figures per rep and for the caller's scope, and one rep's customers. */
import { and, eq, sql } from 'drizzle-orm';
import type { ComparedFigures, RepReview } from '../../../shared/contract/figures.js';
import type { Period, PeriodCounts } from '../../../shared/domain/figures/figures.js';
import {
  comparedPeriods,
  deriveFigures,
  emptyCounts,
  periodProblem,
  previousPeriod,
} from '../../../shared/domain/figures/figures.js';
import { COMPANY_TIME_ZONE, dayOfInstant } from '../../../shared/lib/calendar.js';
import { msg } from '../../../shared/lib/messages.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import { syncClients, teams, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import type { Handlers } from '../../dispatch.js';
import { personScope, repRefusal, type Reader } from '../../lib/scope.js';
import { ALL_ROLES } from '../../roles.js';
import { rfmScores } from '../rfm/index.js';
import {
  lostCustomers,
  periodCounts,
  reviewCustomers,
  TEAM,
  complaintsReview,
  visitsOfPeriod,
  type CountsByRep,
} from './review.js';
import { visitFailuresBy } from '../../../shared/domain/figures/visitFailures.js';

function checkPeriod(period: Period, now: Date): Result<Period> {
  const problem = periodProblem(period, dayOfInstant(now, COMPANY_TIME_ZONE));
  if (problem === null) return ok(period);
  switch (problem.key) {
    case 'figures.periodReversed':
      return fail('bad-request', msg(problem.key), { field: problem.field });
    case 'figures.dateInFuture':
      return fail('bad-request', msg(problem.key, { date: problem.date }), { field: problem.field });
    case 'figures.periodTooLong':
      return fail('bad-request', msg(problem.key, { days: problem.days }), { field: problem.field });
  }
}

interface RepRow {
  id: string;
  name: string;
  team_name: string | null;
  last_sync_at: Date | string | null;
  pending: string | number | null;
  devices: number;
}

/** The reps the reader may see, with their laptops' freshness. */
async function repsInScope(db: DbOrTx, reader: Reader, repId?: string): Promise<RepRow[]> {
  const one = repId === undefined ? sql`true` : sql`${users.id} = ${repId}`;
  const result = await db
    .select({
      id: users.id,
      name: users.name,
      team_name: teams.name,
      last_sync_at: sql<Date | string | null>`max(${syncClients.lastSeenAt})`,
      pending: sql<string | number | null>`sum(${syncClients.reportedPending})`,
      devices: sql<number>`count(${syncClients.id})::int`,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(syncClients, eq(syncClients.userId, users.id))
    .where(and(eq(users.role, 'rep'), personScope(users.id, reader), one))
    .groupBy(users.id, users.name, teams.name)
    .orderBy(users.name, users.id);
  return result;
}

async function compared(db: DbOrTx, reader: Reader, period: Period) {
  const periods = comparedPeriods(period);
  const [current, previous, yearBefore] = await periodCounts(
    db,
    reader,
    [periods.current, periods.previous, periods.yearBefore],
    previousPeriod,
  );
  const of = (byRep: CountsByRep | undefined, key: string): PeriodCounts => byRep?.get(key) ?? emptyCounts();
  const figures = (key: string): ComparedFigures => ({
    current: deriveFigures(of(current, key)),
    previous: deriveFigures(of(previous, key)),
    yearBefore: deriveFigures(of(yearBefore, key)),
  });
  return { periods, figures };
}

const toIso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export const figuresHandlers = {
  'team-review': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const now = new Date();
      const period = checkPeriod(input, now);
      if (!period.ok) return period;
      const reader = ctx.principal.user;
      const [reps, { periods, figures }] = await Promise.all([
        repsInScope(ctx.db, reader),
        compared(ctx.db, reader, period.value),
      ]);
      const repReviews: RepReview[] = reps.map((rep) => ({
        repId: rep.id,
        repName: rep.name,
        teamName: rep.team_name,
        figures: figures(rep.id),
        freshness: {
          lastSyncAt: toIso(rep.last_sync_at),
          pending: rep.pending === null ? null : Number(rep.pending),
          devices: rep.devices,
        },
      }));
      return ok({ periods, team: figures(TEAM), reps: repReviews, computedAt: now.toISOString() });
    },
  },
  'team-review-customers': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const period = checkPeriod(input, new Date());
      if (!period.ok) return period;
      const reader = ctx.principal.user;
      const refused = await repRefusal(ctx.db, reader, input.repId);
      if (refused) return refused;
      const [rep] = await repsInScope(ctx.db, reader, input.repId);
      if (rep === undefined) return fail('not-found', msg('scope.noSuchRep'), { field: 'repId' });
      const customers = await reviewCustomers(
        ctx.db,
        reader,
        rep.id,
        period.value,
        previousPeriod(period.value),
      );
      return ok({ repId: rep.id, repName: rep.name, customers });
    },
  },
  'visit-failures': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const period = checkPeriod(input, new Date());
      if (!period.ok) return period;
      const reader = ctx.principal.user;
      const [reps, rows] = await Promise.all([
        repsInScope(ctx.db, reader),
        visitsOfPeriod(ctx.db, reader, period.value),
      ]);
      const by = visitFailuresBy(rows);
      return ok({
        team: by.team,
        reps: reps.flatMap((rep) => {
          const figures = by.reps.get(rep.id);
          return figures === undefined ? [] : [{ repId: rep.id, repName: rep.name, figures }];
        }),
        families: [...by.families]
          .sort((a, b) => b[1].visits - a[1].visits || a[0].localeCompare(b[0]))
          .map(([family, figures]) => ({ family, figures })),
      });
    },
  },
  'complaints-review': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const now = new Date();
      const period = checkPeriod(input, now);
      if (!period.ok) return period;
      const reader = ctx.principal.user;
      const segments = new Map(
        (await rfmScores(ctx.db, reader, period.value.to)).map((r) => [r.customerId, r.segment]),
      );
      return ok(
        await complaintsReview(ctx.db, reader, period.value, (id) => segments.get(id) ?? 'none', now),
      );
    },
  },
  'lost-customers': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const period = checkPeriod(input, new Date());
      if (!period.ok) return period;
      return ok({
        customers: await lostCustomers(
          ctx.db,
          ctx.principal.user,
          period.value,
          previousPeriod(period.value),
        ),
      });
    },
  },
} satisfies Pick<
  Handlers,
  'team-review' | 'team-review-customers' | 'visit-failures' | 'lost-customers' | 'complaints-review'
>;
