/**
 * "Complaints": the team's complaints at head office, filtered by status, age and rep; one
 * opens in a dialog with its timeline, its files and the form to move it along with a note.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useIntl } from 'react-intl';
import type { ComplaintReview } from '../../../shared/contract/complaints.js';
import { complaintStatuses } from '../../../shared/domain/complaint/complaint.js';
import type { ComplaintStatus } from '../../../shared/domain/complaint/complaint.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { complaintCategoryLabel } from '../complaints/index.js';
import { useNow } from '../../ui/useNow.js';
import { ComplaintDetail } from './ComplaintDetail.js';
import { useHeadOfficeQuery } from '../../lib/headOffice.js';
import {
  complaintStatusTone,
  FilterSelect,
  NotLoaded,
  RepFilter,
  severityTone,
  ReviewFilters,
  ReviewTable,
} from './parts.js';

const RECENT = 500;
const DAY_MS = 86_400_000;
/** Status filter: the open ones (not closed), one status, or all. */
type StatusFilter = 'open' | 'all' | ComplaintStatus;
const ages = [0, 2, 7, 30] as const;
const column = createColumnHelper<ComplaintReview>();

export function daysSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY_MS));
}

export function ComplaintsPanel({ online, announce }: { online: boolean; announce: (text: string) => void }) {
  const { platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const now = useNow(60_000);
  const { loaded, reload, update } = useHeadOfficeQuery(
    platform,
    'complaint-list',
    { limit: RECENT },
    online,
  );
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('open');
  const [minAge, setMinAge] = useState<number>(0);
  const [repFilter, setRepFilter] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);

  const all = useMemo(() => (loaded.state === 'ready' ? loaded.value.complaints : []), [loaded]);
  const shown = all.filter(
    (c) =>
      (statusFilter === 'all' ||
        (statusFilter === 'open' ? c.complaint.status !== 'closed' : c.complaint.status === statusFilter)) &&
      (repFilter === '' || c.repId === repFilter) &&
      daysSince(c.complaint.createdAt, now) >= minAge,
  );
  const opened = openId === null ? undefined : all.find((c) => c.complaint.id === openId);
  const days = (n: number) => intl.formatNumber(n, { style: 'unit', unit: 'day', unitDisplay: 'long' });

  function onChanged(changed: ComplaintReview) {
    update((value) => ({
      ...value,
      complaints: value.complaints.map((c) => (c.complaint.id === changed.complaint.id ? changed : c)),
    }));
    announce(
      intl.formatMessage(
        { id: 'review.complaints.moved' },
        {
          customer: changed.customerName,
          status: intl.formatMessage({ id: `complaintStatus.${changed.complaint.status}` }),
        },
      ),
    );
  }

  const columns = [
    column.accessor('customerName', {
      header: () => <Msg id="orders.customer" />,
      cell: (info) => (
        <button
          type="button"
          className="review__link"
          aria-haspopup="dialog"
          onClick={() => setOpenId(info.row.original.complaint.id)}
        >
          {info.getValue()}
        </button>
      ),
    }),
    column.accessor((c) => c.repName ?? '', { id: 'rep', header: () => <Msg id="review.col.rep" /> }),
    column.accessor('complaint.category', {
      header: () => <Msg id="review.col.category" />,
      cell: (info) => complaintCategoryLabel(intl, info.getValue()),
    }),
    column.accessor('complaint.severity', {
      header: () => <Msg id="review.col.severity" />,
      cell: (info) => (
        <Badge tone={severityTone[info.getValue()]}>
          <Msg id={`severity.${info.getValue()}`} />
        </Badge>
      ),
    }),
    column.accessor('complaint.status', {
      header: () => <Msg id="review.col.status" />,
      cell: (info) => (
        <Badge tone={complaintStatusTone[info.getValue()]}>
          <Msg id={`complaintStatus.${info.getValue()}`} />
        </Badge>
      ),
    }),
    column.accessor('complaint.createdAt', {
      id: 'age',
      header: () => <Msg id="review.col.age" />,
      cell: (info) => days(daysSince(info.getValue(), now)),
      meta: { className: 'num', headerClassName: 'num' },
    }),
  ];

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;

  return (
    <div className="review__panel">
      <ReviewFilters count={<Msg id="review.complaints.count" values={{ count: shown.length }} />}>
        <FilterSelect<StatusFilter>
          id={`${id}-status`}
          label={<Msg id="review.filter.status" />}
          value={statusFilter}
          onChange={setStatusFilter}
          options={[
            { value: 'open', label: intl.formatMessage({ id: 'review.complaints.filter.open' }) },
            ...complaintStatuses.map((s) => ({
              value: s,
              label: intl.formatMessage({ id: `complaintStatus.${s}` }),
            })),
            { value: 'all', label: intl.formatMessage({ id: 'review.filter.allStatuses' }) },
          ]}
        />
        <label className="field" htmlFor={`${id}-age`}>
          <Text as="span" className="field__label" msg="review.complaints.filter.age" />
          <select
            id={`${id}-age`}
            className="input"
            value={minAge}
            onChange={(e) => setMinAge(Number(e.target.value))}
          >
            {ages.map((a) => (
              <option key={a} value={a}>
                {a === 0
                  ? intl.formatMessage({ id: 'review.complaints.filter.anyAge' })
                  : intl.formatMessage({ id: 'review.complaints.filter.olderThan' }, { days: days(a) })}
              </option>
            ))}
          </select>
        </label>
        <RepFilter id={`${id}-rep`} value={repFilter} onChange={setRepFilter} items={all} />
      </ReviewFilters>
      <ReviewTable
        data={shown}
        columns={columns}
        getRowId={(c) => c.complaint.id}
        caption="review.complaints.caption"
        emptyTitle={<Msg id={all.length === 0 ? 'review.complaints.empty' : 'review.complaints.noMatch'} />}
      />
      <ModalOverlay
        className="modal-overlay"
        isDismissable
        isOpen={opened !== undefined}
        onOpenChange={(isOpen) => {
          if (!isOpen) setOpenId(null);
        }}
      >
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {opened ? (
              <>
                <div className="dialog__header">
                  <Heading slot="title" className="dialog__title">
                    <Msg id="review.complaint.title" values={{ customer: opened.customerName }} />
                  </Heading>
                  <button type="button" className="btn btn--small" onClick={() => setOpenId(null)}>
                    <Msg id="review.complaint.close" />
                  </button>
                </div>
                <ComplaintDetail
                  key={opened.complaint.id}
                  review={opened}
                  online={online}
                  onChanged={onChanged}
                />
              </>
            ) : null}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}
