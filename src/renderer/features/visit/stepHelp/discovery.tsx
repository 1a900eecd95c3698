/** Discovery (motives and needs noted) and the reformulation drafted from them. */
import { useIntl } from 'react-intl';
import { draftReformulation, motives } from '../../../../shared/domain/playbook/index.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { StepCheck } from './StepCheck.js';
import { toggle, type StepProps } from './types.js';

export function Discovery({ draft, update, playbook }: StepProps) {
  const intl = useIntl();
  const cues = new Map(playbook.motiveCues.map((c) => [c.motive, c.cues]));
  return (
    <div className="visit-step">
      <Text as="h3" className="section-title" msg="visit.discovery.questions" />
      {playbook.discovery.map((theme) => (
        <fieldset key={theme.id} className="visit-step__theme">
          <legend>{theme.title}</legend>
          {theme.questions.map((q) => (
            <div key={q.id} className="field">
              <label className="field__label" htmlFor={`visit-q-${q.id}`}>
                {q.text}{' '}
                <span className="visit-step__hint">
                  (<Msg id={q.open ? 'visit.discovery.open' : 'visit.discovery.closed'} />)
                </span>
              </label>
              <textarea
                id={`visit-q-${q.id}`}
                maxLength={20_000}
                rows={2}
                value={draft.discoveryAnswers[q.id] ?? ''}
                onChange={(e) => {
                  const value = e.target.value;
                  update((d) => ({ ...d, discoveryAnswers: { ...d.discoveryAnswers, [q.id]: value } }));
                }}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <fieldset className="visit-step__motives">
        <Text as="legend" msg="visit.discovery.motives" />
        {motives.map((m) => (
          <div key={m} className="visit-step__motive">
            <label>
              <input
                type="checkbox"
                checked={draft.motives.includes(m)}
                onChange={(e) => {
                  const on = e.target.checked;
                  update((d) => ({ ...d, motives: toggle(d.motives, m, on) }), 'now');
                }}
              />{' '}
              {intl.formatMessage({ id: `visit.motive.${m}` })}
            </label>
            <span className="visit-step__hint">{(cues.get(m) ?? []).join(' · ')}</span>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <Text as="label" className="field__label" htmlFor="visit-needs" msg="visit.discovery.needs" />
        <textarea
          id="visit-needs"
          maxLength={20_000}
          rows={4}
          value={draft.needs}
          onChange={(e) => {
            const value = e.target.value;
            update((d) => ({ ...d, needs: value }));
          }}
        />
      </div>
    </div>
  );
}

export function Reformulation({ draft, update, locale }: StepProps) {
  const drafted = draftReformulation(draft, locale);
  const text = draft.reformulation.edited ? draft.reformulation.text : drafted;
  return (
    <div className="visit-step">
      <div className="field">
        <Text
          as="label"
          className="field__label"
          htmlFor="visit-reformulation"
          msg="visit.reformulation.text"
        />
        <Text
          as="p"
          className="visit-step__hint"
          id="visit-reformulation-hint"
          msg="visit.reformulation.drafted"
        />
        <textarea
          id="visit-reformulation"
          maxLength={20_000}
          aria-describedby="visit-reformulation-hint"
          rows={8}
          value={text}
          onChange={(e) => {
            const value = e.target.value;
            update((d) => ({ ...d, reformulation: { ...d.reformulation, text: value, edited: true } }));
          }}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn--small"
          disabled={!draft.reformulation.edited}
          onClick={() =>
            update((d) => ({ ...d, reformulation: { ...d.reformulation, text: '', edited: false } }), 'now')
          }
        >
          <Msg id="visit.reformulation.redraft" />
        </button>
        <StepCheck
          checked={draft.reformulation.confirmed}
          onChange={(confirmed) =>
            // What the customer confirmed is kept as is, even if the notes change later.
            update((d) => ({ ...d, reformulation: { text, edited: true, confirmed } }), 'now')
          }
        >
          <Msg id="visit.reformulation.confirmed" />
        </StepCheck>
      </div>
    </div>
  );
}
