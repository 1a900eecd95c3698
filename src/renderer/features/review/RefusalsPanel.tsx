/**
 * "Refused work": what head office refused from the team's laptops (decision 0021), with the
 * rep's content, filtered by rep and by what is left to handle. A note or visit report refused
 * because its customer changed hands is re-applied on the rep's behalf; anything can be dismissed
 * with a reason. Exported as CSV for French Excel.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import type { Refusal } from '../../../shared/contract/refusals.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { callHeadOffice, type Failure, useHeadOfficeQuery } from '../../lib/headOffice.js';
import { Badge } from '../../ui/Badge.js';
import {
  DateAndClock,
  FailureBanner,
  FilterSelect,
  NotLoaded,
  RepFilter,
  ReviewFilters,
  ReviewTable,
} from './parts.js';
import { DismissDialog, exportRefusals, RefusalActions } from './refusalParts.js';
import { useRefusalWords } from './refusalWords.js';

const RECENT = 500;
const column = createColumnHelper<Refusal>();
const wrap = { className: 'review__cell--wrap' };
const wide = { className: 'review__wide review__cell--wrap', headerClassName: 'review__wide' };
type StatusFilter = 'open' | 'handled' | 'all';

export function RefusalsPanel({ online, announce }: { online: boolean; announce: (text: string) => void }) {
  const { platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const words = useRefusalWords();
  const { loaded, reload, update } = useHeadOfficeQuery(platform, 'refusal-list', { limit: RECENT }, online);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [repFilter, setRepFilter] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ what: string; failure: Failure } | null>(null);
  const [dismissing, setDismissing] = useState<Refusal | null>(null);

  const all = useMemo(() => (loaded.state === 'ready' ? loaded.value.refusals : []), [loaded]);
  const shown = all.filter(
    (r) =>
      (repFilter === '' || r.repId === repFilter) &&
      (statusFilter === 'all' || (statusFilter === 'open') === (r.handled === undefined)),
  );

  async function handle(r: Refusal, action: { kind: 'reapply' } | { kind: 'dismiss'; reason: string }) {
    setBusy(r.id);
    setFailed(null);
    const called =
      action.kind === 'reapply'
        ? await callHeadOffice(platform, 'refusal-reapply', { id: r.id })
        : await callHeadOffice(platform, 'refusal-dismiss', { id: r.id, reason: action.reason });
    setBusy(null);
    if (!called.ok) {
      setFailed({ what: words.what(r), failure: called.failure });
      return;
    }
    const changed = called.value.refusal;
    update((value) => ({
      ...value,
      refusals: value.refusals.map((x) => (x.id === changed.id ? changed : x)),
    }));
    announce(
      intl.formatMessage(
        { id: action.kind === 'reapply' ? 'review.refusals.reappliedDone' : 'review.refusals.dismissedDone' },
        { what: words.what(changed), rep: changed.repName },
      ),
    );
  }

  const columns = [
    column.accessor('at', {
      header: () => <Msg id="review.col.date" />,
      cell: (info) => <DateAndClock at={info.getValue()} />,
      meta: wrap,
    }),
    column.accessor('repName', { header: () => <Msg id="review.col.rep" /> }),
    column.accessor((r) => words.what(r), {
      id: 'what',
      header: () => <Msg id="review.refusals.col.what" />,
      meta: wrap,
    }),
    column.accessor((r) => words.reason(r), {
      id: 'reason',
      header: () => <Msg id="review.refusals.col.reason" />,
      meta: wrap,
    }),
    column.accessor((r) => words.content(r), {
      id: 'content',
      header: () => <Msg id="review.refusals.col.content" />,
      cell: (info) => <blockquote className="refused-detail">{info.getValue()}</blockquote>,
      meta: wide,
    }),
    column.display({
      id: 'status',
      header: () => <Msg id="review.col.status" />,
      cell: (info) => {
        const r = info.row.original;
        if (r.handled === undefined)
          return (
            <RefusalActions
              refusal={r}
              words={words}
              online={online}
              busy={busy}
              onReapply={() => void handle(r, { kind: 'reapply' })}
              onDismiss={() => setDismissing(r)}
            />
          );
        return (
          <Badge tone={r.handled.action === 'reapplied' ? 'success' : 'neutral'}>{words.status(r)}</Badge>
        );
      },
      meta: { className: 'review__actions-col review__cell--wrap', headerClassName: 'review__actions-col' },
    }),
  ];

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={6} />;
  return (
    <div className="review__panel">
      {failed ? (
        <FailureBanner
          failure={failed.failure}
          title={<Msg id="review.refusals.failed" values={{ what: failed.what }} />}
        />
      ) : null}
      <ReviewFilters count={<Msg id="review.refusals.count" values={{ count: shown.length }} />}>
        <FilterSelect<StatusFilter>
          id={`${id}-status`}
          label={<Msg id="review.filter.status" />}
          value={statusFilter}
          onChange={setStatusFilter}
          options={(['open', 'handled', 'all'] as const).map((s) => ({
            value: s,
            label: intl.formatMessage({ id: `review.refusals.filter.${s}` }),
          }))}
        />
        <RepFilter id={`${id}-rep`} value={repFilter} onChange={setRepFilter} items={all} />
        <button
          type="button"
          className="btn btn--small"
          disabled={shown.length === 0}
          onClick={() => exportRefusals(intl, words, shown)}
        >
          <Msg id="review.refusals.export" />
        </button>
      </ReviewFilters>
      <ReviewTable
        data={shown}
        columns={columns}
        getRowId={(r) => r.id}
        caption="review.refusals.caption"
        emptyTitle={<Msg id={all.length === 0 ? 'review.refusals.empty' : 'review.refusals.noMatch'} />}
      />
      <DismissDialog
        refusal={dismissing}
        words={words}
        onCancel={() => setDismissing(null)}
        onDismiss={(r, reason) => {
          setDismissing(null);
          void handle(r, { kind: 'dismiss', reason });
        }}
      />
    </div>
  );
}
