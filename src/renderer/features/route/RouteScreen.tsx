import { Msg } from '../../i18n/Msg.js';

export function RouteScreen(_props: { day: string | null }) {
  return (
    <section className="page" aria-labelledby="route-title">
      <header className="page__header">
        <h1 id="route-title" className="page__title">
          <Msg id="route.title" />
        </h1>
      </header>
    </section>
  );
}
