/**
 * The brief's campaign block: the customer's campaign tasks active on the visit's day (today
 * without an appointment), with the offer to present. Nothing when there is none.
 */
import { CampaignTaskList, useCampaignTasks } from '../../campaignTasks/index.js';
import { Msg } from '../../../i18n/Msg.js';
import { Section, type Ids, type Level } from './parts.js';

export function CampaignSection({
  customerId,
  day,
  level,
  s,
}: {
  customerId: string;
  day: string;
  level: Level;
  s: Ids;
}) {
  const tasks = useCampaignTasks({ customerId, day });
  if (tasks === undefined || tasks.length === 0) return null;
  return (
    <Section id={s('campaigns')} name="campaigns" level={level} title={<Msg id="tasks.title" />} wide>
      <CampaignTaskList tasks={tasks} />
    </Section>
  );
}
