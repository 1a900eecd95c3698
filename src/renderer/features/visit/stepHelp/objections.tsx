/** Objections: searched in the playbook, each met with its answers. */
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { v7 as uuidv7 } from 'uuid';
import { searchObjections, type Playbook } from '../../../../shared/domain/playbook/index.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import type { StepProps } from './types.js';

export function Objections({ draft, update, playbook }: StepProps) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const [free, setFree] = useState('');
  const searchId = useId();
  const freeId = useId();
  const matches = searchObjections(playbook, query);
  const byId = new Map(playbook.objections.map((o) => [o.id, o]));
  const record = (objectionId: string | null, text: string) =>
    update(
      (d) => ({ ...d, objections: [...d.objections, { id: uuidv7(), objectionId, text, lifted: false }] }),
      'now',
    );
  return (
    <div className="visit-step">
      <Text as="h3" className="section-title" msg="visit.objections.raised" />
      {draft.objections.length === 0 ? (
        <Text as="p" className="visit-step__hint" msg="visit.objections.noneRaised" />
      ) : (
        <ul className="visit-step__raised" aria-label={intl.formatMessage({ id: 'visit.objections.raised' })}>
          {draft.objections.map((o) => {
            const fromLibrary = o.objectionId !== null ? byId.get(o.objectionId) : undefined;
            return (
              <li key={o.id} className="visit-card">
                <p className="visit-card__title">{o.text}</p>
                <div className="form-actions">
                  <label>
                    <input
                      type="checkbox"
                      aria-label={intl.formatMessage({ id: 'visit.objections.liftedFor' }, { text: o.text })}
                      checked={o.lifted}
                      onChange={(e) => {
                        const lifted = e.target.checked;
                        update(
                          (d) => ({
                            ...d,
                            objections: d.objections.map((x) => (x.id === o.id ? { ...x, lifted } : x)),
                          }),
                          'now',
                        );
                      }}
                    />{' '}
                    <Msg id="visit.objections.lifted" />
                  </label>
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    aria-label={intl.formatMessage({ id: 'visit.objections.remove' }, { text: o.text })}
                    onClick={() =>
                      update((d) => ({ ...d, objections: d.objections.filter((x) => x.id !== o.id) }), 'now')
                    }
                  >
                    ✕
                  </button>
                </div>
                {fromLibrary ? <Answers answers={fromLibrary.answers} /> : null}
              </li>
            );
          })}
        </ul>
      )}

      <Text as="h3" className="section-title" msg="visit.objections.library" />
      <div className="field">
        <Text as="label" className="field__label" htmlFor={searchId} msg="visit.objections.search" />
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {matches.length === 0 ? (
        <Text as="p" className="visit-step__hint" msg="visit.objections.noMatch" />
      ) : (
        <ul className="visit-step__library">
          {matches.map((o) => (
            <li key={o.id} className="visit-card">
              <p className="visit-card__title">
                {o.text}{' '}
                <span className="visit-step__tag">
                  {intl.formatMessage({ id: `visit.category.${o.category}` })}
                </span>
              </p>
              <Answers answers={o.answers} />
              <button
                type="button"
                className="btn btn--small"
                aria-label={intl.formatMessage({ id: 'visit.objections.recordFor' }, { text: o.text })}
                onClick={() => record(o.id, o.text)}
              >
                <Msg id="visit.objections.record" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="visit-step__free"
        onSubmit={(e) => {
          e.preventDefault();
          const text = free.trim();
          if (text === '') return;
          record(null, text);
          setFree('');
        }}
      >
        <div className="field">
          <Text as="label" className="field__label" htmlFor={freeId} msg="visit.objections.free" />
          <input
            id={freeId}
            type="text"
            maxLength={1000}
            value={free}
            onChange={(e) => setFree(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn--small">
          <Msg id="visit.objections.add" />
        </button>
      </form>
    </div>
  );
}

export function Answers({ answers }: { answers: Playbook['objections'][number]['answers'] }) {
  const intl = useIntl();
  return (
    <details className="visit-card__answers">
      <Text as="summary" msg="visit.objections.answers" />
      <ul>
        {answers.map((a) => (
          <li key={`${a.technique}-${a.text}`}>
            <strong>{intl.formatMessage({ id: `visit.technique.${a.technique}` })}</strong> — {a.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
