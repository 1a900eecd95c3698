/** Stops the map cannot place (no position, or a customer not on this laptop). */
import { useId } from 'react';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import type { UnplacedStop } from '../dayPlanModel.js';

export function Unplaced({ unplaced }: { unplaced: readonly UnplacedStop[] }) {
  const id = useId();
  return (
    <section className="card route__unplaced" aria-labelledby={`${id}-unplaced`}>
      <Text as="h2" id={`${id}-unplaced`} className="section-title" msg="route.unplaced.title" />
      <Text as="p" className="muted" msg="route.unplaced.body" />
      <ul className="plain-list">
        {unplaced.map((u) => (
          <li key={u.id} data-testid="route-unplaced">
            {u.customer ? (
              <a href={hrefFor({ name: 'customer', id: u.customer.id })}>{u.customer.name}</a>
            ) : (
              <span>{u.id}</span>
            )}{' '}
            <span className="muted">
              {u.reason === 'unknownCustomer' ? (
                <Msg id="route.unplaced.unknownCustomer" />
              ) : u.customer?.postcode ? (
                <Msg id="route.unplaced.noPosition" values={{ postcode: u.customer.postcode }} />
              ) : (
                <Msg id="route.unplaced.noPostcode" />
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
