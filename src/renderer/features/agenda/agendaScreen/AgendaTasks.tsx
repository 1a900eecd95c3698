/**
 * The campaign tasks under the agenda's day (or week): the rep's open tasks active that day (or
 * on a day of the week), each linked to its customer, and the done ones folded into a count.
 * Nothing when there is none.
 */
import { useId } from 'react';
import { Msg, Text } from '../../../i18n/Msg.js';
import { CampaignTaskList, useCampaignTasks } from '../../campaignTasks/index.js';

export function AgendaTasks({ day, until, repId }: { day: string; until?: string; repId: string }) {
  const id = useId();
  const tasks = useCampaignTasks(until === undefined ? { day, repId } : { day, until, repId });
  if (tasks === undefined || tasks.length === 0) return null;
  const open = tasks.filter((t) => !t.done);
  const done = tasks.filter((t) => t.done);
  return (
    <section
      className="card campaign-tasks agenda__tasks"
      aria-labelledby={`${id}-title`}
      data-testid="agenda-campaign-tasks"
      data-day={day}
    >
      <div className="campaign-tasks__header">
        <Text as="h2" id={`${id}-title`} className="section-title" msg="tasks.title" />
        {open.length > 0 ? (
          <span className="muted">
            <Msg id="tasks.agenda.count" values={{ count: open.length }} />
          </span>
        ) : null}
      </div>
      <Text as="p" className="hint muted" msg="tasks.agenda.help" />
      <CampaignTaskList tasks={open} showCustomer />
      {done.length > 0 ? (
        <details className="campaign-tasks__done" data-testid="agenda-campaign-tasks-done">
          <Text as="summary" msg="tasks.agenda.done" values={{ count: done.length }} />
          <CampaignTaskList tasks={done} showCustomer />
        </details>
      ) : null}
    </section>
  );
}
