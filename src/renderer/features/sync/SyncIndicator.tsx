import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { useNow } from '../../ui/useNow.js';
import { SyncPanel } from './SyncPanel.js';
import { syncStatusText } from './statusText.js';
import { useSyncStatus } from './useSyncStatus.js';

/** Always visible in the rail: the state in words, "sync now", and the details panel. */
export function SyncIndicator() {
  const { engine } = useApp();
  const status = useSyncStatus(engine);
  const intl = useIntl();
  const now = useNow(15_000);
  const text = syncStatusText(intl, status, now);
  return (
    <div className={`sync sync--${status.state}`}>
      <div className="sync__line">
        <span className="sync__dot" aria-hidden="true" />
        <span role="status" className="sync__text">
          {text}
        </span>
      </div>
      <div className="sync__actions">
        <button
          type="button"
          className="btn btn--small"
          onClick={() => void engine.syncNow()}
          disabled={status.state === 'syncing'}
        >
          <Msg id="sync.now" />
        </button>
        <SyncPanel status={status} />
      </div>
    </div>
  );
}
