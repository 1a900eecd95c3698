/** A card with one customer's campaign tasks active today (customer 360). Nothing when none. */
import { useId } from 'react';
import { dayOfInstant } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { Text } from '../../i18n/Msg.js';
import { useNow } from '../../ui/useNow.js';
import { CampaignTaskList } from './CampaignTaskCard.js';
import { useCampaignTasks } from './queries.js';

export function CustomerCampaignTasks({ customerId }: { customerId: string }) {
  const { user } = useApp();
  const id = useId();
  const now = useNow(60_000);
  const tasks = useCampaignTasks({ customerId, day: dayOfInstant(now, user.timeZone) });
  if (tasks === undefined || tasks.length === 0) return null;
  return (
    <section
      className="card campaign-tasks"
      aria-labelledby={`${id}-title`}
      data-testid="customer-campaign-tasks"
    >
      <Text as="h2" id={`${id}-title`} className="section-title" msg="tasks.customer.title" />
      <CampaignTaskList tasks={tasks} />
    </section>
  );
}
