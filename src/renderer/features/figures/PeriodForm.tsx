/**
 * The period the figures cover: two days, or a preset (last 30 days, this month, last month,
 * this quarter, the last 12 months). Checked as head office checks it (`periodProblem`): the
 * error is said at its field and nothing is asked of head office.
 */
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Period, PeriodProblem } from '../../../shared/domain/figures/figures.js';
import { periodProblem } from '../../../shared/domain/figures/figures.js';
import { addDays } from '../../../shared/lib/calendar.js';
import { Msg } from '../../i18n/Msg.js';
import { DatePicker, Field } from '../../ui/form/index.js';

export const periodPresets = ['last30', 'thisMonth', 'lastMonth', 'thisQuarter', 'last12Months'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthStart = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: monthStart, to: today };
    case 'lastMonth': {
      const lastDay = addDays(monthStart, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
    case 'thisQuarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: today };
    }
    case 'last12Months':
      return { from: addDays(`${year - 1}${today.slice(4)}`, 1), to: today };
  }
}

function ProblemText({ problem }: { problem: PeriodProblem }) {
  switch (problem.key) {
    case 'figures.periodReversed':
      return <Msg id="server.figures.periodReversed" />;
    case 'figures.dateInFuture':
      return (
        <Msg id="server.figures.dateInFuture" values={{ date: Date.parse(`${problem.date}T12:00:00Z`) }} />
      );
    case 'figures.periodTooLong':
      return <Msg id="server.figures.periodTooLong" values={{ days: problem.days }} />;
  }
}

export function PeriodForm({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string;
  onChange: (period: Period) => void;
}) {
  const intl = useIntl();
  const id = useId();
  const [draft, setDraft] = useState<Period>(period);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = draft.from === '' || draft.to === '' ? null : periodProblem(draft, today);
    setProblem(found);
    if (found === null && draft.from !== '' && draft.to !== '') onChange(draft);
  };
  const choose = (preset: PeriodPreset) => {
    const next = presetPeriod(preset, today);
    setDraft(next);
    setProblem(null);
    onChange(next);
  };
  const errorAt = (field: 'from' | 'to') =>
    problem?.field === field ? <ProblemText problem={problem} /> : null;

  return (
    <form
      className="figures__period"
      onSubmit={submit}
      noValidate
      aria-label={intl.formatMessage({ id: 'figures.period' })}
    >
      <Field id={`${id}-preset`} label={<Msg id="figures.preset" />}>
        {(control) => (
          <select
            {...control}
            className="input"
            value=""
            onChange={(e) => {
              const preset = periodPresets.find((p) => p === e.target.value);
              if (preset) choose(preset);
            }}
          >
            <option value="">{intl.formatMessage({ id: 'figures.preset.choose' })}</option>
            {periodPresets.map((p) => (
              <option key={p} value={p}>
                {intl.formatMessage({ id: `figures.preset.${p}` })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-from`} label={<Msg id="figures.from" />} error={errorAt('from')} errorLast>
        {(control) => (
          <DatePicker
            control={control}
            isRequired
            max={today}
            value={draft.from}
            onChange={(v) => setDraft((d) => ({ ...d, from: v }))}
          />
        )}
      </Field>
      <Field id={`${id}-to`} label={<Msg id="figures.to" />} error={errorAt('to')} errorLast>
        {(control) => (
          <DatePicker
            control={control}
            isRequired
            max={today}
            value={draft.to}
            onChange={(v) => setDraft((d) => ({ ...d, to: v }))}
          />
        )}
      </Field>
      <button type="submit" className="btn btn--primary figures__apply">
        <Msg id="figures.apply" />
      </button>
    </form>
  );
}
