/** Small pieces shared by the review tabs: failures, confirmations, tones, percentages. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Heading } from 'react-aria-components';
import { useIntl } from 'react-intl';
import type { ComplaintSeverity, ComplaintStatus } from '../../../shared/domain/complaint/complaint.js';
import { missingCaseError } from '../../../shared/lib/result.js';
import { Msg } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { formatClock, useFormat } from '../../i18n/format.js';
import { ErrorText } from '../../i18n/errorText.js';
import { Banner } from '../../ui/Banner.js';
import { DismissableModal } from '../../ui/Modal.js';
import { DataTable, type DataTableProps } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import type { Failure, Kept, Loaded } from '../../lib/headOffice.js';
import { FilterSelect } from '../../ui/FilterSelect.js';

export { FilterSelect };

type Tone = 'neutral' | 'success' | 'warning' | 'info' | 'danger' | 'accent';

export const complaintStatusTone: Readonly<Record<ComplaintStatus, Tone>> = {
  received: 'danger',
  acknowledged: 'warning',
  'in-progress': 'info',
  resolved: 'success',
  closed: 'neutral',
};

export const severityTone: Readonly<Record<ComplaintSeverity, Tone>> = {
  low: 'neutral',
  medium: 'warning',
  high: 'danger',
};

/** Basis points as the locale writes a percentage (`12,5 %`). */
export function usePercent(): (bp: number) => string {
  return useFormat().percentBp;
}

/** What went wrong, in the user's language: head office's own reason when it gave one. */
export function FailureText({ failure }: { failure: Failure }) {
  switch (failure.kind) {
    case 'network':
      return <Msg id="review.error.network" />;
    case 'unexpected':
      return <Msg id="error.unexpected" />;
    case 'refused':
      return (
        <span className="review__reason">
          <ErrorText error={failure.error} />
        </span>
      );
    default:
      return missingCaseError(failure);
  }
}

/** A failed action or load, announced at once, with what to do next. */
export function FailureBanner({
  failure,
  title,
  action,
}: {
  failure: Failure;
  title?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Banner tone="danger" urgent>
      {title ? <strong className="review__failure-title">{title}</strong> : null}
      <p>
        <FailureText failure={failure} />
      </p>
      {action}
    </Banner>
  );
}

/** A confirmation before a decision that cannot be undone here (reject, cancel). */
export function ConfirmDialog({
  isOpen,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  isOpen: boolean;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <DismissableModal isOpen={isOpen} onClose={onCancel} role="alertdialog">
      <div className="dialog__header">
        <Heading slot="title" className="dialog__title">
          {title}
        </Heading>
      </div>
      <div className="dialog__body">{children}</div>
      <div className="form-actions">
        {/* The safe choice first: it takes the focus when the dialog opens. */}
        <button type="button" className="btn" onClick={onCancel}>
          <Msg id="review.confirm.back" />
        </button>
        <button type="button" className="btn review__danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </DismissableModal>
  );
}

/**
 * A tab whose list has not arrived: offline before anything loaded, loading, or failed to load
 * (with a retry, disabled offline).
 */
export function NotLoaded({
  loaded,
  online,
  onRetry,
  rows,
}: {
  loaded: Exclude<Loaded<unknown>, { state: 'ready' }>;
  online: boolean;
  onRetry: () => void;
  rows: number;
}) {
  const intl = useIntl();
  if (loaded.state === 'loading')
    return online ? (
      <SkeletonRows rows={rows} label={intl.formatMessage({ id: 'review.loading' })} />
    ) : (
      <EmptyState title={<Msg id="review.offline.nothing" />} />
    );
  return (
    <FailureBanner
      failure={loaded.failure}
      title={<Msg id="review.error.load" />}
      action={
        <button type="button" className="btn btn--small" onClick={onRetry} disabled={!online}>
          <Msg id="review.retry" />
        </button>
      }
    />
  );
}

/**
 * Says that what is shown is the copy kept on this laptop, why (offline, or head office not
 * answering) and when it was read, so nobody takes old figures for today's.
 */
/**
 * Where a screen already says at its top that it shows a copy (the figures screen), the panels
 * below say only when their own copy was read, in a line, not in a second warning banner.
 */
export const KeptNoticeShownAbove = createContext(false);

export function KeptNotice({ kept }: { kept: Kept | undefined }) {
  const intl = useIntl();
  const shownAbove = useContext(KeptNoticeShownAbove);
  if (kept === undefined) return null;
  const body = (
    <Msg
      id="review.kept.body"
      values={{ at: intl.formatDate(kept.fetchedAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
    />
  );
  if (shownAbove) {
    return (
      <p className="muted kept-line" data-testid="kept-line">
        {body}
      </p>
    );
  }
  return (
    <Banner tone="warning">
      <strong>
        <Msg id={kept.failure === null ? 'review.kept.offline' : 'review.kept.unreachable'} />
      </strong>{' '}
      {body}
    </Banner>
  );
}

/** "Commercial": the reps found in a list, by name in the user's collation, or all of them. */
export function RepFilter({
  id,
  value,
  onChange,
  items,
}: {
  id: string;
  value: string;
  onChange: (repId: string) => void;
  items: readonly { repId: string | null; repName?: string | null }[];
}) {
  const intl = useIntl();
  const reps = useMemo(() => {
    const collator = new Intl.Collator(intl.locale, { sensitivity: 'base' });
    const byId = new Map<string, string>();
    for (const item of items) if (item.repId !== null) byId.set(item.repId, item.repName ?? '');
    return [...byId].sort((a, b) => collator.compare(a[1], b[1]));
  }, [items, intl.locale]);
  return (
    <FilterSelect
      id={id}
      label={<Msg id="review.filter.rep" />}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: intl.formatMessage({ id: 'review.filter.allReps' }) },
        ...reps.map(([repId, name]) => ({ value: repId, label: name })),
      ]}
    />
  );
}

/** A review tab's table: its caption, its look, and the empty state. */
export function ReviewTable<T>({
  caption,
  emptyTitle,
  emptyHint,
  ...table
}: Omit<DataTableProps<T>, 'label' | 'className' | 'scrollClassName' | 'empty'> & {
  caption: MessageKey;
  emptyTitle: ReactNode;
  emptyHint?: ReactNode;
}) {
  const intl = useIntl();
  return (
    <DataTable
      {...table}
      label={intl.formatMessage({ id: caption })}
      className="review__table"
      scrollClassName="review__scroll"
      empty={<EmptyState title={emptyTitle}>{emptyHint}</EmptyState>}
    />
  );
}

/** A review tab's filters, then the count of rows shown. */
export function ReviewFilters({ count, children }: { count: ReactNode; children: ReactNode }) {
  return (
    <div className="review__filters">
      {children}
      <p className="page__count muted">{count}</p>
    </div>
  );
}

/** A moment as a review row shows it: the date, then the time in grey (`24 nov. 2026 09:00`). */
export function DateAndClock({ at }: { at: string }) {
  const intl = useIntl();
  return (
    <>
      {intl.formatDate(at, { dateStyle: 'medium' })} <span className="muted">{formatClock(intl, at)}</span>
    </>
  );
}
