import { Msg } from '../../i18n/Msg.js';
import type { DownloadProgress } from './useDownload.js';

/** "Téléchargement de votre portefeuille… 12 000 éléments reçus (6 pages)". */
export function DownloadProgressText({ download }: { download: DownloadProgress }) {
  const values = { received: download.received, pages: download.pages };
  switch (download.phase) {
    case 'running':
      return <Msg id="download.running" values={values} />;
    case 'interrupted':
      return <Msg id="download.interrupted" values={values} />;
    case 'resuming':
      return <Msg id="download.resuming" values={values} />;
  }
}
