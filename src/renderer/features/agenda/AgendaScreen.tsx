import type { AgendaView } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';

export function AgendaScreen(_props: { view: AgendaView; day: string | null }) {
  return (
    <section className="page" aria-labelledby="agenda-title">
      <header className="page__header">
        <h1 id="agenda-title" className="page__title">
          <Msg id="agenda.title" />
        </h1>
      </header>
    </section>
  );
}
