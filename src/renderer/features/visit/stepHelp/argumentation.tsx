/**
 * Argumentation: the playbook's arguments for the motives noted, one column per product family
 * laid across the width (a family holds one or two CAP cards).
 */
import { useIntl } from 'react-intl';
import { argumentsFor, type Motive } from '../../../../shared/domain/playbook/index.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { toggle, type StepProps } from './types.js';

export function Argumentation({ draft, update, playbook, context }: StepProps) {
  const intl = useIntl();
  const bought = context?.families ?? [];
  const known = new Set(playbook.arguments.map((a) => a.family));
  const families = bought.filter((f) => known.has(f));
  const shown = families.length > 0 ? families : [...known];
  const names = draft.motives.map((m: Motive) => intl.formatMessage({ id: `visit.motive.${m}` }));
  return (
    <div className="visit-step visit-step--wide">
      <p className="visit-step__hint">
        <Msg
          id="visit.argumentation.filter"
          values={{ count: draft.motives.length, motives: intl.formatList(names, { type: 'conjunction' }) }}
        />
      </p>
      <p className="visit-step__hint">
        {families.length > 0 ? (
          <>
            <Msg
              id="visit.argumentation.families"
              values={{ families: intl.formatList(families, { type: 'conjunction' }) }}
            />
          </>
        ) : (
          <Msg id="visit.argumentation.allFamilies" />
        )}
      </p>
      <div className="visit-families">
        {shown.map((family) => {
          const list = argumentsFor(playbook, family, draft.motives);
          return (
            <section key={family} className="visit-step__family" aria-label={family}>
              <h3 className="section-title">{family}</h3>
              {list.length === 0 ? (
                <Text as="p" className="visit-step__hint" msg="visit.argumentation.none" />
              ) : (
                <ul className="visit-cards visit-cards--stack">
                  {list.map((a) => (
                    <li key={a.id} className="visit-card">
                      <dl>
                        <Text as="dt" msg="visit.argumentation.feature" />
                        <dd>{a.feature}</dd>
                        <Text as="dt" msg="visit.argumentation.benefit" />
                        <dd>{a.benefit}</dd>
                        <Text as="dt" msg="visit.argumentation.proof" />
                        <dd>{a.proof}</dd>
                      </dl>
                      <p className="visit-step__hint">
                        {intl.formatList(
                          a.motives.map((m) => intl.formatMessage({ id: `visit.motive.${m}` })),
                          { type: 'conjunction' },
                        )}
                      </p>
                      <label>
                        <input
                          type="checkbox"
                          aria-label={intl.formatMessage(
                            { id: 'visit.argumentation.presentedFor' },
                            { feature: a.feature },
                          )}
                          checked={draft.argumentsPresented.includes(a.id)}
                          onChange={(e) => {
                            const on = e.target.checked;
                            update(
                              (d) => ({ ...d, argumentsPresented: toggle(d.argumentsPresented, a.id, on) }),
                              'now',
                            );
                          }}
                        />{' '}
                        <Msg id="visit.argumentation.presented" />
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
