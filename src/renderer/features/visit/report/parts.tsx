/** The report's parts: a text field, the outcome, the follow-up, motives and objections. */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { noSaleReasons, visitOutcomes } from '../../../../shared/domain/activity/activity.js';
import { motives } from '../../../../shared/domain/playbook/playbook.js';
import type { ReportField, ReportForm } from '../../../../shared/domain/visit/index.js';
import type { MessageKey } from '../../../i18n/index.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { DatePicker, Field, FieldError, TimeInput } from '../../../ui/form/index.js';
import { fieldIds } from './useReportSave.js';

export type Edit = (change: Partial<ReportForm>, when?: 'debounced' | 'now') => void;
/** A field's error as said beside it (none: `null`). */
export type ErrorTextOf = (field: ReportField) => ReactNode;

/** What each part of the report is given. */
export interface PartProps {
  form: ReportForm;
  edit: Edit;
  errorText: ErrorTextOf;
}

/** A labelled field of the report, its error under the control. */
export function ReportField({
  field,
  label,
  errorText,
  children,
}: {
  field: ReportField;
  label: MessageKey;
  errorText: ErrorTextOf;
  children: Parameters<typeof Field>[0]['children'];
}) {
  return (
    <Field id={fieldIds[field]} label={<Msg id={label} />} error={errorText(field)} errorLast>
      {children}
    </Field>
  );
}

/** A list typed one item per line (needs, offered) or the step notes. */
export function ReportTextArea({
  field,
  label,
  rows,
  maxLength,
  form,
  edit,
  errorText,
}: PartProps & {
  field: 'needs' | 'offered' | 'notes';
  label: MessageKey;
  rows: number;
  maxLength: number;
}) {
  return (
    <ReportField field={field} label={label} errorText={errorText}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          maxLength={maxLength}
          value={form[field]}
          onChange={(e) => edit({ [field]: e.target.value })}
        />
      )}
    </ReportField>
  );
}

export function OutcomeFieldset({ form, orderCount, edit, errorText }: PartProps & { orderCount: number }) {
  const intl = useIntl();
  const error = errorText('outcome');
  return (
    <fieldset
      className="visit-report__outcome"
      aria-describedby={error ? 'visit-report-outcome-error' : undefined}
    >
      <Text as="legend" msg="visit.report.outcome" />
      {visitOutcomes.map((o) => (
        <label key={o} className="visit-report__choice">
          <input
            id={`visit-report-outcome-${o}`}
            type="radio"
            name="visit-report-outcome"
            value={o}
            checked={form.outcome === o}
            disabled={o === 'order' ? orderCount === 0 : orderCount > 0}
            onChange={() =>
              edit({ outcome: o, noSaleReason: o === 'no-sale' ? form.noSaleReason : null }, 'now')
            }
          />{' '}
          <Msg id={`visit.report.outcome.${o}`} />
        </label>
      ))}
      <p className="visit-step__hint">
        {intl.formatMessage({ id: 'visit.report.outcomeOrderHint' }, { count: orderCount })}
      </p>
      <FieldError id="visit-report-outcome">{error}</FieldError>
    </fieldset>
  );
}

export function NoSaleReasonField({ form, edit, errorText }: PartProps) {
  const intl = useIntl();
  return (
    <ReportField field="noSaleReason" label="visit.report.noSaleReason" errorText={errorText}>
      {(control) => (
        <select
          {...control}
          value={form.noSaleReason ?? ''}
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
      )}
    </ReportField>
  );
}

/** The follow-up's length, kept within what the form can store (its day and time: date fields). */
const followUpInputs: readonly {
  field: 'followUpMinutes';
  label: MessageKey;
  attrs: InputHTMLAttributes<HTMLInputElement>;
  change: (value: string) => Partial<ReportForm> | null;
}[] = [
  {
    field: 'followUpMinutes',
    label: 'visit.report.followUpMinutes',
    attrs: { type: 'number', inputMode: 'numeric', min: 5, step: 5 },
    change: (value) => {
      const n = Math.round(Number(value));
      return { followUpMinutes: Number.isFinite(n) ? Math.min(Math.max(n, 0), 24 * 60) : 0 };
    },
  },
];

export function FollowUpFieldset({ form, edit, errorText }: PartProps) {
  return (
    <fieldset className="visit-report__followup">
      <Text as="legend" msg="visit.report.followUp" />
      <div className="visit-report__row">
        <ReportField field="followUpDate" label="visit.report.followUpDate" errorText={errorText}>
          {(control) => (
            <DatePicker
              control={control}
              value={form.followUpDate}
              onChange={(v) => edit({ followUpDate: v })}
            />
          )}
        </ReportField>
        <ReportField field="followUpTime" label="visit.report.followUpTime" errorText={errorText}>
          {(control) => (
            <TimeInput
              control={control}
              value={form.followUpTime}
              onChange={(v) => edit({ followUpTime: v })}
            />
          )}
        </ReportField>
        {followUpInputs.map(({ field, label, attrs, change }) => (
          <ReportField key={field} field={field} label={label} errorText={errorText}>
            {(control) => (
              <input
                {...control}
                {...attrs}
                value={form[field]}
                onChange={(e) => {
                  const next = change(e.target.value);
                  if (next !== null) edit(next);
                }}
              />
            )}
          </ReportField>
        ))}
      </div>
      <Field id="visit-report-fu-objective" label={<Msg id="visit.report.followUpObjective" />}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={500}
            value={form.followUpObjective}
            onChange={(e) => edit({ followUpObjective: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

/** With an order: the rep may also plan a follow-up appointment (the fields then appear). */
export function FollowUpWantedField({ form, edit }: { form: ReportForm; edit: Edit }) {
  return (
    <label className="visit-report__choice visit-report__followup-wanted">
      <input
        id="visit-report-fu-wanted"
        type="checkbox"
        checked={form.followUpWanted}
        onChange={(e) => edit({ followUpWanted: e.target.checked }, 'now')}
      />{' '}
      <Msg id="visit.report.followUpWanted" />
    </label>
  );
}

export function MotivesFieldset({ form, edit }: { form: ReportForm; edit: Edit }) {
  const intl = useIntl();
  return (
    <fieldset className="visit-report__motives">
      <Text as="legend" msg="visit.report.motives" />
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
  );
}
