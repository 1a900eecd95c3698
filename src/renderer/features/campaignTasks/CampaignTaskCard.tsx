/** A campaign task as the rep reads it: campaign, channel, objective, offer, period, state. */
import { useIntl } from 'react-intl';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { formatDay } from '../../i18n/format.js';
import { Badge } from '../../ui/Badge.js';
import { PropRow } from '../../ui/PropRow.js';
import type { CampaignTaskView } from './queries.js';

/** Open, done at head office, or done by a visit report still on this laptop. */
export function TaskBadge({ task }: { task: Pick<CampaignTaskView, 'done' | 'status'> }) {
  if (!task.done) {
    return (
      <Badge tone="info">
        <Msg id="tasks.state.open" />
      </Badge>
    );
  }
  return (
    <Badge tone="success">
      <Msg id={task.status === 'done' ? 'tasks.state.done' : 'tasks.state.donePending'} />
    </Badge>
  );
}

/** "−10 %" as the locale writes a percentage. */
function useDiscount(): (percent: number) => string {
  const intl = useIntl();
  return (percent) => intl.formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: 1 });
}

export function CampaignTaskCard({
  task,
  showCustomer = false,
}: {
  task: CampaignTaskView;
  /** Name the customer, linked to their 360 page (lists across customers). */
  showCustomer?: boolean;
}) {
  const intl = useIntl();
  const discount = useDiscount();
  const state = task.done ? 'done' : 'open';
  return (
    <div
      className={`campaign-task campaign-task--${state}`}
      data-testid="campaign-task"
      data-task-id={task.id}
      data-task-state={state}
    >
      <div className="campaign-task__head">
        {showCustomer ? (
          <a href={hrefFor({ name: 'customer', id: task.customerId })} className="campaign-task__customer">
            {task.customerName ?? <Msg id="tasks.customerMissing" />}
          </a>
        ) : null}
        <strong className="campaign-task__name">{task.campaignName}</strong>
        <Badge tone="neutral">
          <Msg id={`tasks.channel.${task.channel}`} />
        </Badge>
        <TaskBadge task={task} />
      </div>
      {task.objective ? <p className="campaign-task__objective">{task.objective}</p> : null}
      <dl className="props campaign-task__props">
        <PropRow label={<Msg id="tasks.offer" />} valueProps={{ 'data-task': 'offer' }}>
          {task.offer || <Text as="span" className="muted" msg="tasks.noOffer" />}
        </PropRow>
        {task.family ? (
          <PropRow label={<Msg id="tasks.family" />} valueProps={{ 'data-task': 'family' }}>
            {task.family}
          </PropRow>
        ) : null}
        {task.discountPercent !== null ? (
          <PropRow
            label={<Msg id="tasks.discount" />}
            valueProps={{ 'data-task': 'discount', className: 'tabular' }}
          >
            {discount(task.discountPercent)}
          </PropRow>
        ) : null}
        <PropRow label={<Msg id="tasks.period" />} valueProps={{ 'data-task': 'period' }}>
          <Msg
            id="tasks.periodValue"
            values={{ from: formatDay(intl, task.from), to: formatDay(intl, task.to) }}
          />
        </PropRow>
      </dl>
    </div>
  );
}

/** A list of task cards; nothing at all when there is none. */
export function CampaignTaskList({
  tasks,
  showCustomer = false,
}: {
  tasks: readonly CampaignTaskView[];
  showCustomer?: boolean;
}) {
  if (tasks.length === 0) return null;
  return (
    <ul className="campaign-tasks__list">
      {tasks.map((task) => (
        <li key={task.id}>
          <CampaignTaskCard task={task} showCustomer={showCustomer} />
        </li>
      ))}
    </ul>
  );
}
