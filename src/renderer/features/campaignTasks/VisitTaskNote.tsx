/**
 * On the visit report: which open campaign tasks this report will tick off (the customer's,
 * active today, created before now). Nothing when none.
 */
import { visitTicksTask } from '../../../shared/domain/campaign/campaign.js';
import { dayOfInstant } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { Text } from '../../i18n/Msg.js';
import { useNow } from '../../ui/useNow.js';
import { useCampaignTasks } from './queries.js';

export function VisitTaskNote({ customerId }: { customerId: string }) {
  const { user } = useApp();
  const now = useNow(60_000);
  const tasks = useCampaignTasks({ customerId, day: dayOfInstant(now, user.timeZone) });
  const at = new Date(now).toISOString();
  const ticked = (tasks ?? []).filter((t) => !t.done && visitTicksTask(t, { customerId, at }, user.timeZone));
  if (ticked.length === 0) return null;
  return (
    <div className="campaign-task-note" data-testid="visit-campaign-note">
      {ticked.map((t) => (
        <Text key={t.id} as="p" msg="tasks.visit.note" values={{ name: t.campaignName }} />
      ))}
    </div>
  );
}
