import { useIntl } from 'react-intl';
import { Msg } from '../../i18n/Msg.js';
import type { DownloadProgress } from './useDownload.js';

/**
 * "Téléchargement de votre portefeuille… 12 345 / 48 000 éléments (26 %) — environ 40 s
 * restantes", or, when head office gave no total, "12 000 éléments reçus (6 pages)".
 */
export function DownloadProgressText({ download }: { download: DownloadProgress }) {
  const intl = useIntl();
  const { received, pages, total, percent, secondsLeft } = download;
  if (total === null || percent === null) {
    const values = { received, pages };
    switch (download.phase) {
      case 'running':
        return <Msg id="download.running" values={values} />;
      case 'interrupted':
        return <Msg id="download.interrupted" values={values} />;
      case 'resuming':
        return <Msg id="download.resuming" values={values} />;
    }
  }
  const values = { received, total, ratio: percent / 100 };
  switch (download.phase) {
    case 'running':
      return secondsLeft === null ? (
        <Msg id="download.runningOf" values={values} />
      ) : (
        <Msg
          id="download.runningOfLeft"
          values={{
            ...values,
            left:
              secondsLeft < 90
                ? intl.formatMessage({ id: 'download.leftSeconds' }, { seconds: Math.max(1, secondsLeft) })
                : intl.formatMessage(
                    { id: 'download.leftMinutes' },
                    { minutes: Math.round(secondsLeft / 60) },
                  ),
          }}
        />
      );
    case 'interrupted':
      return <Msg id="download.interruptedOf" values={values} />;
    case 'resuming':
      return <Msg id="download.resumingOf" values={values} />;
  }
}
