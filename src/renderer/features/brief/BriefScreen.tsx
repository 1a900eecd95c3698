import { Msg } from '../../i18n/Msg.js';

export function BriefScreen(_props: { appointmentId: string }) {
  return (
    <section className="page" aria-labelledby="brief-title">
      <header className="page__header">
        <h1 id="brief-title" className="page__title">
          <Msg id="brief.title" />
        </h1>
      </header>
    </section>
  );
}
