/**
 * The last screen of a visit: the report drafted from the steps, edited by the rep, then saved
 * with its outcome (and the follow-up appointment it plans) in one local transaction. The form
 * lives in the draft, so it is saved continuously and resumed after a reload like the steps.
 */
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { noSaleReasons, visitOutcomes } from '../../../shared/domain/activity/activity.js';
import { motives } from '../../../shared/domain/playbook/playbook.js';
import {
  checkReport,
  editReport,
  summaryOf,
  type ReportField,
  type ReportForm,
  type ReportProblem,
  type VisitDraft,
} from '../../../shared/domain/visit/index.js';
import type { AppointmentProblem } from '../../../shared/domain/appointment/check.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/index.js';
import { StorageFullError } from '../../sync/storage.js';
import { instantOn } from '../../../shared/lib/calendar.js';
import type { UpdateDraft } from './StepHelp.js';
import { AppointmentCheckError } from '../agenda/index.js';
import { logVisit } from './endVisit.js';

interface Props {
  draft: VisitDraft;
  update: UpdateDraft;
  /** Saves the report: resolves true when the visit ended (the draft is gone). */
  onEnd: (save: () => Promise<boolean>) => Promise<void>;
  onBackToSteps: () => void;
}

type Entry = { field: ReportField; key: MessageKey; values?: Record<string, string | number> };

/** The input each field's error points to (the summary's links focus it). */
const fieldIds: Record<ReportField, string> = {
  outcome: 'visit-report-outcome-order',
  noSaleReason: 'visit-report-reason',
  followUpDate: 'visit-report-fu-date',
  followUpTime: 'visit-report-fu-time',
  followUpMinutes: 'visit-report-fu-minutes',
  objections: 'visit-report-objection-add',
  needs: 'visit-report-needs',
  offered: 'visit-report-offered',
  nextStep: 'visit-report-next',
  summary: 'visit-report-summary',
  notes: 'visit-report-notes',
};

export function ReportPanel({ draft, update, onEnd, onBackToSteps }: Props) {
  const { locale, engine } = useApp();
  const intl = useIntl();
  const timeZone = intl.timeZone ?? 'Europe/Paris';
  const [entries, setEntries] = useState<Entry[]>([]);
  const [overlapOnly, setOverlapOnly] = useState(false);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const form = draft.report;
  if (form === null) return null;

  const edit = (change: Partial<ReportForm>, when: 'debounced' | 'now' = 'debounced') =>
    update((d) => (d.report ? { ...d, report: editReport(d.report, change, d.orderIds, locale) } : d), when);

  const errorOf = (field: ReportField) => entries.find((e) => e.field === field);
  const invalid = (field: ReportField, id: string) =>
    errorOf(field) ? ({ 'aria-invalid': true, 'aria-describedby': `${id}-error` } as const) : ({} as const);
  const inline = (field: ReportField, id: string) => {
    const e = errorOf(field);
    return e ? (
      <p id={`${id}-error`} className="field__error">
        <span className="visually-hidden">
          <Msg id="form.errorPrefix" />
        </span>
        <Msg id={e.key} values={e.values} />
      </p>
    ) : null;
  };

  /** A list typed one item per line (needs, offered) or the step notes. */
  const textArea = (
    field: 'needs' | 'offered' | 'notes',
    label: MessageKey,
    rows: number,
    maxLength: number,
  ) => {
    const id = fieldIds[field];
    return (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          <Msg id={label} />
        </label>
        <textarea
          id={id}
          rows={rows}
          maxLength={maxLength}
          value={form[field]}
          {...invalid(field, id)}
          onChange={(e) => edit({ [field]: e.target.value })}
        />
        {inline(field, id)}
      </div>
    );
  };

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const appointmentEntries = (problems: readonly AppointmentProblem[]): Entry[] =>
    problems.flatMap((p): Entry[] => {
      switch (p.code) {
        case 'start-in-past':
          return [{ field: 'followUpDate', key: 'agenda.error.start-in-past' }];
        case 'duration-not-positive':
          return [{ field: 'followUpMinutes', key: 'agenda.error.duration-not-positive' }];
        case 'duration-too-short':
          return [
            { field: 'followUpMinutes', key: 'agenda.error.duration-too-short', values: { min: p.min } },
          ];
        case 'duration-too-long':
          return [
            { field: 'followUpMinutes', key: 'agenda.error.duration-too-long', values: { max: p.max } },
          ];
        case 'overlap':
          return [{ field: 'followUpTime', key: 'visit.report.overlap' }];
        case 'travel-too-short':
          return [];
      }
    });

  const save = async (confirmOverlap: boolean) => {
    const checked = checkReport(form, draft.orderIds, (day, time) => instantOn(day, time, timeZone));
    if (!checked.ok) {
      setEntries(
        checked.problems.map((p: ReportProblem) => ({ field: p.field, key: `visit.report.error.${p.code}` })),
      );
      setOverlapOnly(false);
      focusSummary();
      return;
    }
    setEntries([]);
    setSaving(true);
    await onEnd(async () => {
      try {
        await engine.write(
          logVisit,
          {
            draft,
            report: checked.report,
            followUp: checked.followUp ? { ...checked.followUp, contactId: null } : undefined,
          },
          { timeZone, confirmOverlap },
        );
        return true;
      } catch (error) {
        if (error instanceof AppointmentCheckError) {
          setEntries(appointmentEntries(error.problems));
          setOverlapOnly(error.problems.every((p) => p.severity !== 'block'));
        } else {
          console.error('Visit report not saved', error);
          setEntries([{ field: 'summary', key: 'visit.report.error.storage' }]);
          if (error instanceof StorageFullError)
            setEntries([{ field: 'summary', key: 'error.storage-full' }]);
        }
        focusSummary();
        return false;
      } finally {
        setSaving(false);
      }
    });
  };

  const outcomeHint = intl.formatMessage(
    { id: 'visit.report.outcomeOrderHint' },
    { count: draft.orderIds.length },
  );

  return (
    <form
      className="visit-report edit-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <p className="muted">
        <Msg id="visit.report.intro" />
      </p>
      {entries.length > 0 ? (
        <div
          className={`error-summary${overlapOnly ? ' error-summary--warning' : ''}`}
          role="alert"
          tabIndex={-1}
          ref={summaryRef}
          aria-labelledby="visit-report-errors-title"
        >
          <h3 id="visit-report-errors-title" className="error-summary__title">
            <Msg id="visit.report.errorsTitle" />
          </h3>
          <ul className="error-summary__list">
            {entries.map((e) => (
              <li key={`${e.field}-${e.key}`}>
                <a
                  href={`#${fieldIds[e.field]}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldIds[e.field])?.focus();
                  }}
                >
                  <Msg id={e.key} values={e.values} />
                </a>
              </li>
            ))}
          </ul>
          {overlapOnly ? (
            <button type="button" className="btn" onClick={() => void save(true)}>
              <Msg id="visit.report.saveAnyway" />
            </button>
          ) : null}
        </div>
      ) : null}

      <fieldset
        className="visit-report__outcome"
        aria-describedby={errorOf('outcome') ? 'visit-report-outcome-error' : undefined}
      >
        <legend>
          <Msg id="visit.report.outcome" />
        </legend>
        {visitOutcomes.map((o) => (
          <label key={o} className="visit-report__choice">
            <input
              id={`visit-report-outcome-${o}`}
              type="radio"
              name="visit-report-outcome"
              value={o}
              checked={form.outcome === o}
              disabled={o === 'order' ? draft.orderIds.length === 0 : draft.orderIds.length > 0}
              onChange={() =>
                edit({ outcome: o, noSaleReason: o === 'no-sale' ? form.noSaleReason : null }, 'now')
              }
            />{' '}
            <Msg id={`visit.report.outcome.${o}`} />
          </label>
        ))}
        <p className="visit-step__hint">{outcomeHint}</p>
        {inline('outcome', 'visit-report-outcome')}
      </fieldset>

      {form.outcome === 'no-sale' ? (
        <div className="field">
          <label className="field__label" htmlFor="visit-report-reason">
            <Msg id="visit.report.noSaleReason" />
          </label>
          <select
            id="visit-report-reason"
            value={form.noSaleReason ?? ''}
            {...invalid('noSaleReason', 'visit-report-reason')}
            onChange={(e) => {
              const value = noSaleReasons.find((r) => r === e.target.value) ?? null;
              edit({ noSaleReason: value }, 'now');
            }}
          >
            <option value="">{intl.formatMessage({ id: 'visit.report.noSaleReason.choose' })}</option>
            {noSaleReasons.map((r) => (
              <option key={r} value={r}>
                {intl.formatMessage({ id: `visit.report.reason.${r}` })}
              </option>
            ))}
          </select>
          {inline('noSaleReason', 'visit-report-reason')}
        </div>
      ) : null}

      {form.outcome === 'follow-up' ? (
        <fieldset className="visit-report__followup">
          <legend>
            <Msg id="visit.report.followUp" />
          </legend>
          <div className="visit-report__row">
            <div className="field">
              <label className="field__label" htmlFor="visit-report-fu-date">
                <Msg id="visit.report.followUpDate" />
              </label>
              <input
                id="visit-report-fu-date"
                type="date"
                max="9999-12-31"
                value={form.followUpDate}
                {...invalid('followUpDate', 'visit-report-fu-date')}
                onChange={(e) => {
                  // A browser date field accepts 5-digit years: never store more than yyyy-mm-dd.
                  const value = e.target.value;
                  if (value.length <= 10) edit({ followUpDate: value });
                }}
              />
              {inline('followUpDate', 'visit-report-fu-date')}
            </div>
            <div className="field">
              <label className="field__label" htmlFor="visit-report-fu-time">
                <Msg id="visit.report.followUpTime" />
              </label>
              <input
                id="visit-report-fu-time"
                type="time"
                value={form.followUpTime}
                {...invalid('followUpTime', 'visit-report-fu-time')}
                onChange={(e) => edit({ followUpTime: e.target.value })}
              />
              {inline('followUpTime', 'visit-report-fu-time')}
            </div>
            <div className="field">
              <label className="field__label" htmlFor="visit-report-fu-minutes">
                <Msg id="visit.report.followUpMinutes" />
              </label>
              <input
                id="visit-report-fu-minutes"
                type="number"
                inputMode="numeric"
                min={5}
                step={5}
                value={form.followUpMinutes}
                {...invalid('followUpMinutes', 'visit-report-fu-minutes')}
                onChange={(e) => {
                  const n = Math.round(Number(e.target.value));
                  edit({ followUpMinutes: Number.isFinite(n) ? Math.min(Math.max(n, 0), 24 * 60) : 0 });
                }}
              />
              {inline('followUpMinutes', 'visit-report-fu-minutes')}
            </div>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="visit-report-fu-objective">
              <Msg id="visit.report.followUpObjective" />
            </label>
            <input
              id="visit-report-fu-objective"
              type="text"
              maxLength={500}
              value={form.followUpObjective}
              onChange={(e) => edit({ followUpObjective: e.target.value })}
            />
          </div>
        </fieldset>
      ) : null}

      {textArea('needs', 'visit.report.needs', 3, 20_000)}

      <fieldset className="visit-report__motives">
        <legend>
          <Msg id="visit.report.motives" />
        </legend>
        {motives.map((m) => (
          <label key={m} className="visit-report__choice">
            <input
              type="checkbox"
              checked={form.motives.includes(m)}
              onChange={(e) => {
                const on = e.target.checked;
                edit(
                  {
                    motives: on
                      ? motives.filter((x) => x === m || form.motives.includes(x))
                      : form.motives.filter((x) => x !== m),
                  },
                  'now',
                );
              }}
            />{' '}
            {intl.formatMessage({ id: `visit.motive.${m}` })}
          </label>
        ))}
      </fieldset>

      <fieldset className="visit-report__objections">
        <legend>
          <Msg id="visit.report.objections" />
        </legend>
        {form.objections.length === 0 ? (
          <p className="muted">
            <Msg id="visit.report.noObjection" />
          </p>
        ) : (
          <ol className="visit-report__objection-list">
            {form.objections.map((o, i) => {
              const n = i + 1;
              const inputId = `visit-report-objection-${String(i)}`;
              return (
                <li key={inputId} className="visit-report__objection">
                  <label className="visually-hidden" htmlFor={inputId}>
                    <Msg id="visit.report.objectionText" values={{ n }} />
                  </label>
                  <input
                    id={inputId}
                    type="text"
                    maxLength={1_000}
                    value={o.text}
                    onChange={(e) => {
                      const text = e.target.value;
                      edit({ objections: form.objections.map((x, j) => (j === i ? { ...x, text } : x)) });
                    }}
                  />
                  <label className="visit-report__choice">
                    <input
                      type="checkbox"
                      checked={o.lifted}
                      aria-label={intl.formatMessage({ id: 'visit.report.objectionLiftedFor' }, { n })}
                      onChange={(e) => {
                        const lifted = e.target.checked;
                        edit(
                          { objections: form.objections.map((x, j) => (j === i ? { ...x, lifted } : x)) },
                          'now',
                        );
                      }}
                    />{' '}
                    <span aria-hidden="true">
                      <Msg id="visit.report.objectionLifted" />
                    </span>
                  </label>
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    aria-label={intl.formatMessage({ id: 'visit.report.objectionRemove' }, { n })}
                    onClick={() => edit({ objections: form.objections.filter((_, j) => j !== i) }, 'now')}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        <button
          id="visit-report-objection-add"
          type="button"
          className="btn btn--small"
          onClick={() => edit({ objections: [...form.objections, { text: '', lifted: false }] }, 'now')}
        >
          <Msg id="visit.report.objectionAdd" />
        </button>
      </fieldset>

      {textArea('offered', 'visit.report.offered', 3, 20_000)}

      <div className="field">
        <label className="field__label" htmlFor="visit-report-next">
          <Msg id="visit.report.nextStep" />
        </label>
        <input
          id="visit-report-next"
          type="text"
          maxLength={2_000}
          value={form.nextStep}
          {...invalid('nextStep', 'visit-report-next')}
          onChange={(e) => edit({ nextStep: e.target.value })}
        />
        {inline('nextStep', 'visit-report-next')}
      </div>

      <div className="field">
        <label className="field__label" htmlFor="visit-report-summary">
          <Msg id="visit.report.summary" />
        </label>
        <textarea
          id="visit-report-summary"
          rows={6}
          maxLength={10_000}
          value={form.summary}
          aria-describedby="visit-report-summary-hint"
          {...invalid('summary', 'visit-report-summary')}
          onChange={(e) => edit({ summary: e.target.value })}
        />
        <p id="visit-report-summary-hint" className="visit-step__hint">
          {form.summaryEdited ? (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              onClick={() =>
                update(
                  (d) =>
                    d.report
                      ? {
                          ...d,
                          report: {
                            ...d.report,
                            summaryEdited: false,
                            summary: summaryOf(d.report, d.orderIds, locale),
                          },
                        }
                      : d,
                  'now',
                )
              }
            >
              <Msg id="visit.report.redraft" />
            </button>
          ) : (
            <Msg id="visit.report.summaryFollows" />
          )}
        </p>
        {inline('summary', 'visit-report-summary')}
      </div>

      {textArea('notes', 'visit.report.notes', 5, 40_000)}

      <div className="visit__stepnav">
        <button type="button" className="btn" onClick={onBackToSteps}>
          <span aria-hidden="true">← </span>
          <Msg id="visit.report.backToSteps" />
        </button>
        <button type="submit" className="btn btn--primary" disabled={saving}>
          <Msg id={saving ? 'visit.report.saving' : 'visit.report.save'} />
        </button>
      </div>
    </form>
  );
}
