import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { v7 as uuidv7 } from 'uuid';
import {
  argumentsFor,
  draftReformulation,
  motives,
  searchObjections,
  type Motive,
  type Playbook,
} from '../../../shared/domain/playbook/index.js';
import type { Locale } from '../../../shared/domain/user/user.js';
import type { VisitDraft, VisitStep } from '../../../shared/domain/visit/index.js';
import { missingCaseError } from '../../../shared/lib/result.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { formatMoney, formatPercentBp } from '../../i18n/format.js';
import type { VisitContext } from './queries.js';

export type UpdateDraft = (change: (draft: VisitDraft) => VisitDraft, when?: 'debounced' | 'now') => void;

interface StepProps {
  draft: VisitDraft;
  update: UpdateDraft;
  playbook: Playbook;
  context: VisitContext | undefined;
  locale: Locale;
  maxDiscountBp: number | null;
}

/** The middle column: what helps at this step, from the playbook. */
export function StepHelp({ step, ...props }: StepProps & { step: VisitStep }) {
  switch (step) {
    case 'opening':
      return <Opening {...props} />;
    case 'discovery':
      return <Discovery {...props} />;
    case 'reformulation':
      return <Reformulation {...props} />;
    case 'argumentation':
      return <Argumentation {...props} />;
    case 'objections':
      return <Objections {...props} />;
    case 'price':
      return <Price {...props} />;
    case 'closing':
      return <Closing {...props} />;
    default:
      return missingCaseError(step);
  }
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}

function Opening({ playbook, context }: StepProps) {
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

function Discovery({ draft, update, playbook }: StepProps) {
  const intl = useIntl();
  const cues = new Map(playbook.motiveCues.map((c) => [c.motive, c.cues]));
  return (
    <div className="visit-step">
      <h3 className="section-title">
        <Msg id="visit.discovery.questions" />
      </h3>
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
        <legend>
          <Msg id="visit.discovery.motives" />
        </legend>
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
        <label className="field__label" htmlFor="visit-needs">
          <Msg id="visit.discovery.needs" />
        </label>
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

function Reformulation({ draft, update, locale }: StepProps) {
  const drafted = draftReformulation(draft, locale);
  const text = draft.reformulation.edited ? draft.reformulation.text : drafted;
  return (
    <div className="visit-step">
      <div className="field">
        <label className="field__label" htmlFor="visit-reformulation">
          <Msg id="visit.reformulation.text" />
        </label>
        <p className="visit-step__hint" id="visit-reformulation-hint">
          <Msg id="visit.reformulation.drafted" />
        </p>
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
        <label>
          <input
            type="checkbox"
            checked={draft.reformulation.confirmed}
            onChange={(e) => {
              const confirmed = e.target.checked;
              // What the customer confirmed is kept as is, even if the notes change later.
              update((d) => ({ ...d, reformulation: { text, edited: true, confirmed } }), 'now');
            }}
          />{' '}
          <Msg id="visit.reformulation.confirmed" />
        </label>
      </div>
    </div>
  );
}

function Argumentation({ draft, update, playbook, context }: StepProps) {
  const intl = useIntl();
  const bought = context?.families ?? [];
  const known = new Set(playbook.arguments.map((a) => a.family));
  const families = bought.filter((f) => known.has(f));
  const shown = families.length > 0 ? families : [...known];
  const names = draft.motives.map((m: Motive) => intl.formatMessage({ id: `visit.motive.${m}` }));
  return (
    <div className="visit-step">
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
      {shown.map((family) => {
        const list = argumentsFor(playbook, family, draft.motives);
        return (
          <section key={family} className="visit-step__family" aria-label={family}>
            <h3 className="section-title">{family}</h3>
            {list.length === 0 ? (
              <p className="visit-step__hint">
                <Msg id="visit.argumentation.none" />
              </p>
            ) : (
              <ul className="visit-cards">
                {list.map((a) => (
                  <li key={a.id} className="visit-card">
                    <dl>
                      <dt>
                        <Msg id="visit.argumentation.feature" />
                      </dt>
                      <dd>{a.feature}</dd>
                      <dt>
                        <Msg id="visit.argumentation.benefit" />
                      </dt>
                      <dd>{a.benefit}</dd>
                      <dt>
                        <Msg id="visit.argumentation.proof" />
                      </dt>
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
  );
}

function Objections({ draft, update, playbook }: StepProps) {
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
      <h3 className="section-title">
        <Msg id="visit.objections.raised" />
      </h3>
      {draft.objections.length === 0 ? (
        <p className="visit-step__hint">
          <Msg id="visit.objections.noneRaised" />
        </p>
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

      <h3 className="section-title">
        <Msg id="visit.objections.library" />
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          <Msg id="visit.objections.search" />
        </label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {matches.length === 0 ? (
        <p className="visit-step__hint">
          <Msg id="visit.objections.noMatch" />
        </p>
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
          <label className="field__label" htmlFor={freeId}>
            <Msg id="visit.objections.free" />
          </label>
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

function Answers({ answers }: { answers: Playbook['objections'][number]['answers'] }) {
  const intl = useIntl();
  return (
    <details className="visit-card__answers">
      <summary>
        <Msg id="visit.objections.answers" />
      </summary>
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

function Price({ draft, update, playbook, context, maxDiscountBp }: StepProps) {
  const intl = useIntl();
  // Head office's default limit when the account does not carry one (see User.maxDiscountBp).
  const limit = maxDiscountBp ?? 1000;
  return (
    <div className="visit-step">
      <h3 className="section-title">
        <Msg id="visit.price.priceList" />
      </h3>
      <p>{context?.priceList ? context.priceList.name : <Msg id="visit.price.noPriceList" />}</p>
      <p>
        <Msg id="visit.price.maxDiscount" values={{ rate: formatPercentBp(intl, limit) }} />
      </p>
      <h3 className="section-title">
        <Msg id="visit.price.reminders" />
      </h3>
      <ul className="visit-step__list">
        {playbook.priceReminders.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <label>
        <input
          type="checkbox"
          checked={draft.price.announced}
          onChange={(e) => {
            const announced = e.target.checked;
            update((d) => ({ ...d, price: { announced } }), 'now');
          }}
        />{' '}
        <Msg id="visit.price.announced" />
      </label>
      <TakeOrder draft={draft} update={update} />
    </div>
  );
}

/** Opens the order screen for the visit's customer; saving the order comes back to this step. */
function TakeOrder({ draft, update }: Pick<StepProps, 'draft' | 'update'>) {
  return (
    <p className="visit-step__order">
      <a
        className="btn btn--primary"
        href={hrefFor({ name: 'orderNew', customerId: draft.customerId, visitId: draft.id })}
        onClick={() => update((d) => d, 'now')}
      >
        <Msg id="visit.order.take" />
      </a>
    </p>
  );
}

/** The orders taken during the visit: number (or pending), total incl. tax, a link to each. */
function VisitOrders({ orderIds }: { orderIds: readonly string[] }) {
  const { db } = useApp();
  const intl = useIntl();
  const titleId = useId();
  const orders = useLiveQuery(
    async () => (await db.orders.bulkGet([...orderIds])).flatMap((o) => (o ? [o] : [])),
    [db, orderIds],
  );
  if (orderIds.length === 0 || orders === undefined) return null;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        <Msg id="visit.order.taken" />
      </h3>
      <ul className="plain-list">
        {orders.map((o) => (
          <li key={o.id}>
            <a href={hrefFor({ name: 'order', id: o.id })}>
              <Msg
                id="visit.order.line"
                values={{
                  number:
                    o.number === '' ? intl.formatMessage({ id: 'visit.order.numberPending' }) : o.number,
                  total: formatMoney(intl, o.totalInclCents),
                }}
              />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Closing({ draft, update, playbook }: StepProps) {
  return (
    <div className="visit-step">
      <fieldset className="visit-step__theme">
        <legend>
          <Msg id="visit.closing.techniques" />
        </legend>
        {playbook.closings.map((c) => (
          <div key={c.id} className="visit-step__closing">
            <label>
              <input
                type="radio"
                name="visit-closing"
                checked={draft.closingId === c.id}
                onChange={() => update((d) => ({ ...d, closingId: c.id }), 'now')}
              />{' '}
              <strong>{c.name}</strong>
            </label>
            <p className="visit-step__hint">{c.description}</p>
          </div>
        ))}
      </fieldset>
      <TakeOrder draft={draft} update={update} />
      <VisitOrders orderIds={draft.orderIds} />
    </div>
  );
}
