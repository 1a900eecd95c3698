import { createColumnHelper } from '@tanstack/react-table';
import { FormattedDate, useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Page } from '../../ui/PageHeader.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { complaintTone } from './CustomerComplaints.js';
import { useOpenComplaints, type OpenComplaint } from './queries.js';

const column = createColumnHelper<OpenComplaint>();

/** Réclamations: every complaint of the portfolio not closed yet, the longest waiting first. */
export function ComplaintsScreen() {
  const { db } = useApp();
  const intl = useIntl();
  const open = useOpenComplaints(db);
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
      cell: (info) =>
        intl.formatMessage({ id: `complaints.category.${info.getValue()}`, defaultMessage: info.getValue() }),
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
      {open !== undefined && open.length > 0 ? (
        <p className="muted">
          <Msg id="complaints.openCount" values={{ count: open.length }} />
        </p>
      ) : null}
      <DataTable
        data={open}
        columns={columns}
        getRowId={(c) => c.complaint.id}
        label={intl.formatMessage({ id: 'complaints.title' })}
        className="complaints-table"
        scrollClassName={null}
        loading={<SkeletonRows rows={6} label="" />}
        empty={<EmptyState title={<Msg id="complaints.empty" />} />}
      />
    </Page>
  );
}
