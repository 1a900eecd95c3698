import { createColumnHelper } from '@tanstack/react-table';
import { useId, useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import {
  complaintCategories,
  complaintCategoryOf,
  complaintSeverities,
  complaintStatuses,
} from '../../../shared/domain/complaint/complaint.js';
import type {
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintStatus,
} from '../../../shared/domain/complaint/complaint.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { FilterSelect } from '../../ui/FilterSelect.js';
import { Page } from '../../ui/PageHeader.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { ComplaintCategoryText, complaintCategoryKey } from './category.js';
import { complaintTone } from './CustomerComplaints.js';
import { isStillOpen, usePortfolioComplaints, type PortfolioComplaint } from './queries.js';

/** Status filter: not closed (the default), still open (waiting on head office), one status, or all. */
type StatusFilter = 'not-closed' | 'still-open' | 'all' | ComplaintStatus;
const column = createColumnHelper<PortfolioComplaint>();

function matchesStatus(filter: StatusFilter, status: ComplaintStatus): boolean {
  if (filter === 'all') return true;
  if (filter === 'not-closed') return status !== 'closed';
  if (filter === 'still-open') return isStillOpen(status);
  return status === filter;
}

/**
 * Réclamations: the portfolio's complaints, still open first then resolved, newest first within
 * each; filtered by status (not closed by default), category and severity.
 */
export function ComplaintsScreen() {
  const { db } = useApp();
  const intl = useIntl();
  const id = useId();
  const all = usePortfolioComplaints(db);
  const [status, setStatus] = useState<StatusFilter>('not-closed');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [severity, setSeverity] = useState<ComplaintSeverity | ''>('');
  const shown = all?.filter(
    ({ complaint: c }) =>
      matchesStatus(status, c.status) &&
      (category === '' || complaintCategoryOf(c.category) === category) &&
      (severity === '' || c.severity === severity),
  );
  const stillOpen = all?.filter((c) => isStillOpen(c.complaint.status)).length ?? 0;
  const resolved = all?.filter((c) => c.complaint.status === 'resolved').length ?? 0;
  const filtered = status !== 'not-closed' || category !== '' || severity !== '';
  const columns = [
    column.accessor('complaint.createdAt', {
      header: () => <Msg id="complaints.column.createdAt" />,
      cell: (info) => <FormattedDate value={info.getValue()} dateStyle="medium" />,
    }),
    column.accessor('customerName', {
      header: () => <Msg id="complaints.column.customer" />,
      cell: (info) => (
        <a href={hrefFor({ name: 'customer', id: info.row.original.complaint.customerId })}>
          {info.getValue()}
        </a>
      ),
    }),
    column.accessor('complaint.category', {
      header: () => <Msg id="complaints.column.category" />,
      cell: (info) => <ComplaintCategoryText stored={info.getValue()} />,
    }),
    column.accessor('complaint.severity', {
      header: () => <Msg id="complaints.column.severity" />,
      cell: (info) => <Msg id={`severity.${info.getValue()}`} />,
    }),
    column.accessor('complaint.status', {
      header: () => <Msg id="complaints.column.status" />,
      cell: (info) => (
        <Badge tone={complaintTone[info.getValue()]}>
          <Msg id={`complaintStatus.${info.getValue()}`} />
        </Badge>
      ),
    }),
  ];
  return (
    <Page titleId="complaints-title" title={<Msg id="complaints.title" />} className="page--complaints">
      {all !== undefined && all.length > 0 ? (
        <p className="muted complaints__summary">
          <Msg id="complaints.summary" values={{ open: stillOpen, resolved }} />
        </p>
      ) : null}
      <div className="review__filters">
        <FilterSelect
          id={`${id}-status`}
          label={<Msg id="complaints.filter.status" />}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'not-closed', label: intl.formatMessage({ id: 'complaints.filter.notClosed' }) },
            { value: 'still-open', label: intl.formatMessage({ id: 'complaints.filter.stillOpen' }) },
            ...complaintStatuses.map((s) => ({
              value: s,
              label: intl.formatMessage({ id: `complaintStatus.${s}` }),
            })),
            { value: 'all', label: intl.formatMessage({ id: 'complaints.filter.all' }) },
          ]}
        />
        <FilterSelect
          id={`${id}-category`}
          label={<Msg id="complaints.filter.category" />}
          value={category}
          onChange={setCategory}
          options={[
            { value: '', label: intl.formatMessage({ id: 'complaints.filter.allCategories' }) },
            ...complaintCategories.map((c) => ({
              value: c,
              label: intl.formatMessage({ id: complaintCategoryKey(c) }),
            })),
          ]}
        />
        <FilterSelect
          id={`${id}-severity`}
          label={<Msg id="complaints.filter.severity" />}
          value={severity}
          onChange={setSeverity}
          options={[
            { value: '', label: intl.formatMessage({ id: 'complaints.filter.allSeverities' }) },
            ...complaintSeverities.map((s) => ({
              value: s,
              label: intl.formatMessage({ id: `severity.${s}` }),
            })),
          ]}
        />
        {shown !== undefined ? (
          <p className="page__count muted" aria-live="polite">
            <Msg id="complaints.shownCount" values={{ count: shown.length }} />
          </p>
        ) : null}
      </div>
      <DataTable
        data={shown}
        columns={columns}
        getRowId={(c) => c.complaint.id}
        label={intl.formatMessage({ id: 'complaints.title' })}
        className="complaints-table"
        scrollClassName={null}
        loading={<SkeletonRows rows={6} label="" />}
        empty={<EmptyState title={<Msg id={filtered ? 'complaints.emptyFiltered' : 'complaints.empty'} />} />}
      />
    </Page>
  );
}
