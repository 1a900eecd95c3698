import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { useVisitInProgress } from './queries.js';
import { startOrResumeVisit } from './store.js';

/**
 * "Démarrer la visite", or "Reprendre la visite en cours" when one is in progress for the same
 * appointment (or for the customer, without appointment): never two drafts for one visit.
 */
export function StartVisitButton({
  customerId,
  appointmentId,
  className = 'btn btn--primary',
  customerName,
  compact = false,
}: {
  customerId: string;
  appointmentId: string | null;
  className?: string;
  /** Names the customer in the accessible name, where several visits are listed (the route). */
  customerName?: string;
  /** Without the "in progress since" line (a row of buttons). */
  compact?: boolean;
}) {
  const { db } = useApp();
  const intl = useIntl();
  const inProgress = useVisitInProgress(db, customerId, appointmentId);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      const id = await startOrResumeVisit(db, { customerId, appointmentId, returnTo: currentHash() });
      window.location.hash = hrefFor({ name: 'visit', draftId: id });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="visit-start">
      <button
        type="button"
        className={className}
        disabled={busy}
        aria-label={
          customerName === undefined
            ? undefined
            : intl.formatMessage(
                { id: inProgress ? 'visit.resumeFor' : 'visit.startFor' },
                { name: customerName },
              )
        }
        onClick={() => void start()}
      >
        <Msg id={inProgress ? 'visit.resume' : 'visit.start'} />
      </button>
      {inProgress && !compact ? (
        <span className="visit-start__since">
          <Msg
            id="visit.inProgress"
            values={{
              time: intl.formatDate(inProgress.startedAt, {
                day: 'numeric',
                month: 'short',
                hour: '2-digit',
                minute: '2-digit',
              }),
            }}
          />
        </span>
      ) : null}
    </span>
  );
}

function currentHash(): string {
  const hash = window.location.hash;
  return hash.startsWith('#/') ? hash : '#/agenda/day';
}
