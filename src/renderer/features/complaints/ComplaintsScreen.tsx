import { FormattedDate } from 'react-intl';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { complaintTone } from './CustomerComplaints.js';
import { useOpenComplaints } from './queries.js';

/** Réclamations: every complaint of the portfolio not closed yet, the longest waiting first. */
export function ComplaintsScreen() {
  const { db } = useApp();
  const intl = useIntl();
  const open = useOpenComplaints(db);
  return (
    <section className="page page--complaints" aria-labelledby="complaints-title">
      <h1 id="complaints-title" className="page__title">
        <Msg id="complaints.title" />
      </h1>
      {open === undefined ? (
        <SkeletonRows rows={6} label="" />
      ) : open.length === 0 ? (
        <EmptyState title={<Msg id="complaints.empty" />} />
      ) : (
        <>
          <p className="muted">
            <Msg id="complaints.openCount" values={{ count: open.length }} />
          </p>
          <table className="table complaints-table">
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="complaints.column.createdAt" />
                </th>
                <th scope="col">
                  <Msg id="complaints.column.customer" />
                </th>
                <th scope="col">
                  <Msg id="complaints.column.category" />
                </th>
                <th scope="col">
                  <Msg id="complaints.column.severity" />
                </th>
                <th scope="col">
                  <Msg id="complaints.column.status" />
                </th>
              </tr>
            </thead>
            <tbody>
              {open.map(({ complaint, customerName }) => (
                <tr key={complaint.id}>
                  <td>
                    <FormattedDate value={complaint.createdAt} dateStyle="medium" />
                  </td>
                  <td>
                    <a href={hrefFor({ name: 'customer', id: complaint.customerId })}>{customerName}</a>
                  </td>
                  <td>
                    {intl.formatMessage({
                      id: `complaints.category.${complaint.category}`,
                      defaultMessage: complaint.category,
                    })}
                  </td>
                  <td>
                    <Msg id={`severity.${complaint.severity}`} />
                  </td>
                  <td>
                    <Badge tone={complaintTone[complaint.status]}>
                      <Msg id={`complaintStatus.${complaint.status}`} />
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
