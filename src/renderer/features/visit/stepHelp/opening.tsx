/** The opening step: the appointment's objective and the playbook's reminders. */
import { Msg, Text } from '../../../i18n/Msg.js';
import type { StepProps } from './types.js';

export function Opening({ playbook, context }: StepProps) {
  const objective = context?.appointment?.objective.trim() ?? '';
  return (
    <div className="visit-step">
      <Text as="h3" className="section-title" msg="visit.opening.objective" />
      <p className="visit-step__objective">
        {objective !== '' ? objective : <Msg id="visit.opening.noObjective" />}
      </p>
      <Text as="h3" className="section-title" msg="visit.opening.reminders" />
      <ul className="visit-step__list">
        {playbook.openingReminders.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
