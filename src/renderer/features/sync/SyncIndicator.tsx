import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { IconButton } from '../../ui/IconButton.js';
import { SyncIcon } from '../../ui/icons.js';
import { useNow } from '../../ui/useNow.js';
import { DownloadProgressText } from './DownloadProgressText.js';
import { SyncPanel } from './SyncPanel.js';
import { syncStatusText } from './statusText.js';
import { useDownload } from './useDownload.js';
import { useSyncStatus } from './useSyncStatus.js';

/** Always visible in the rail: the state in words, "sync now", and the details panel. */
export function SyncIndicator() {
  const { engine } = useApp();
  const status = useSyncStatus(engine);
  const intl = useIntl();
  const now = useNow(15_000);
  const text = syncStatusText(intl, status, now);
  const download = useDownload(engine);
  return (
    <div className={`sync sync--${status.state}`}>
      <div className="sync__line">
        <span className="sync__dot" aria-hidden="true" />
        <span role="status" className="sync__text">
          {text}
        </span>
      </div>
      {download ? (
        <p className="sync__download" data-testid="download-progress">
          <DownloadProgressText download={download} />
        </p>
      ) : null}
      <div className="sync__actions">
        <IconButton
          className="btn btn--small sync__now"
          label={intl.formatMessage({ id: 'sync.now' })}
          onPress={() => void engine.syncNow()}
          isDisabled={status.state === 'syncing'}
        >
          <SyncIcon />
          <Msg id="sync.nowShort" />
        </IconButton>
        <SyncPanel status={status} />
      </div>
    </div>
  );
}
