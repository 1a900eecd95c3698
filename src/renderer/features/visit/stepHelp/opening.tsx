/** The opening step: the appointment's objective and the playbook's reminders. */
import { Msg } from '../../../i18n/Msg.js';
import type { StepProps } from './types.js';

export function Opening({ playbook, context }: StepProps) {
  const objective = context?.appointment?.objective.trim() ?? '';
  return (
    <div className="visit-step">
      <h3 className="section-title">
        <Msg id="visit.opening.objective" />
      </h3>
      <p className="visit-step__objective">
        {objective !== '' ? objective : <Msg id="visit.opening.noObjective" />}
      </p>
      <h3 className="section-title">
        <Msg id="visit.opening.reminders" />
      </h3>
      <ul className="visit-step__list">
        {playbook.openingReminders.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </div>
  );
}
