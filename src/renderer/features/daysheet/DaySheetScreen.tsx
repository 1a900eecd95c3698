import { Msg } from '../../i18n/Msg.js';

export function DaySheetScreen(_props: { day: string | null }) {
  return (
    <section className="page" aria-labelledby="daysheet-title">
      <header className="page__header">
        <h1 id="daysheet-title" className="page__title">
          <Msg id="daysheet.title" />
        </h1>
      </header>
    </section>
  );
}
