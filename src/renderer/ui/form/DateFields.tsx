/**
 * Date and time fields in the app's formatting locale (React Aria's segmented fields: « jj/mm/aaaa »
 * and 24-hour in French and en-GB, « mm/dd/yyyy » and AM/PM in en-US), whatever the browser's
 * own language. They keep the strings the forms already store: `YYYY-MM-DD` for a day,
 * `HH:mm` for a time, `''` while empty or incomplete. They sit inside a `Field`, spreading its
 * `ControlProps`: labelled by the field's label (`${id}-label`), described by its hint and error.
 */
import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import { useEffect, useImperativeHandle, useRef, type FocusEvent, type Ref } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateField,
  DateInput as AriaDateInput,
  DatePicker as AriaDatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Popover,
  TimeField,
  useLocale,
  type DateValue,
  type TimeValue,
} from 'react-aria-components';
import { useIntl } from 'react-intl';
import { usesTwelveHourClock } from '../../i18n/format.js';
import type { ControlProps } from './Field.js';

/** What `react-hook-form`'s `setFocus` and the error summary need: focus the first segment. */
export interface FocusHandle {
  focus: () => void;
}

interface Common {
  control: ControlProps;
  /** `YYYY-MM-DD` / `HH:mm`; `''` when empty. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  isDisabled?: boolean;
  isRequired?: boolean;
  /** The id of the element that names the field (default: its `Field` label, `${id}-label`). */
  labelledBy?: string;
  /** A narrower field (`input--inline`). */
  inline?: boolean;
  ref?: Ref<FocusHandle>;
}

interface DateProps extends Common {
  /** The earliest and latest days accepted, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
}

/** A stored day as React Aria's value; anything else (empty, malformed) is no value. */
export function toCalendarDate(value: string | null | undefined): CalendarDate | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/** A stored time (`HH:mm`) as React Aria's value. */
export function toTime(value: string | null | undefined): Time | null {
  if (!value || !/^\d{2}:\d{2}$/.test(value)) return null;
  try {
    return parseTime(value);
  } catch {
    return null;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** React Aria's day back to the stored `YYYY-MM-DD`. */
export function fromDateValue(value: DateValue | null): string {
  return value ? `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}` : '';
}

/** React Aria's time back to the stored `HH:mm`. */
export function fromTimeValue(value: TimeValue | null): string {
  return value ? `${pad(value.hour)}:${pad(value.minute)}` : '';
}

/** The ARIA a field's segments and group take from its `Field`. */
function ariaOf(control: ControlProps, labelledBy: string | undefined) {
  return {
    id: control.id,
    'aria-labelledby': labelledBy ?? `${control.id}-label`,
    'aria-describedby': control['aria-describedby'],
    isInvalid: control['aria-invalid'] === true,
  };
}

/**
 * The group gets the field's id: the error summary's link focuses it, and it hands the focus
 * on to its first editable segment; a click on the field's label does the same (a `<label>`
 * only focuses form controls by itself).
 */
function useSegmentsFocus(ref: Ref<FocusHandle> | undefined, labelId: string) {
  const group = useRef<HTMLDivElement>(null);
  const focusFirst = () =>
    group.current?.querySelector<HTMLElement>('[role="spinbutton"]:not([aria-disabled="true"])')?.focus();
  useImperativeHandle(ref, () => ({ focus: focusFirst }));
  useEffect(() => {
    const label = document.getElementById(labelId);
    if (!label) return;
    const onClick = () =>
      group.current?.querySelector<HTMLElement>('[role="spinbutton"]:not([aria-disabled="true"])')?.focus();
    label.addEventListener('click', onClick);
    return () => label.removeEventListener('click', onClick);
  }, [labelId]);
  return {
    ref: group,
    tabIndex: -1,
    onFocus: (e: FocusEvent<HTMLDivElement>) => {
      if (e.target === e.currentTarget) focusFirst();
    },
  };
}

function Segments({
  className,
  groupProps,
}: {
  className: string;
  groupProps?: ReturnType<typeof useSegmentsFocus>;
}) {
  return (
    <AriaDateInput className={className} {...groupProps}>
      {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
    </AriaDateInput>
  );
}

/** A day typed segment by segment, no calendar (see `DatePicker` for one with a calendar). */
export function DateInput({
  control,
  value,
  onChange,
  onBlur,
  min,
  max,
  isDisabled,
  isRequired,
  labelledBy,
  inline = false,
  ref,
}: DateProps) {
  const groupProps = useSegmentsFocus(ref, labelledBy ?? `${control.id}-label`);
  return (
    <DateField
      {...ariaOf(control, labelledBy)}
      className="date-field"
      value={toCalendarDate(value)}
      onChange={(next) => onChange(fromDateValue(next))}
      onBlur={onBlur}
      minValue={toCalendarDate(min)}
      maxValue={toCalendarDate(max)}
      isDisabled={isDisabled}
      isRequired={isRequired}
      validationBehavior="aria"
      shouldForceLeadingZeros
    >
      <Segments
        className={inline ? 'input date-input input--inline' : 'input date-input'}
        groupProps={groupProps}
      />
    </DateField>
  );
}

/** A time of day, 24-hour or AM/PM as the formatting locale writes it. */
export function TimeInput({
  control,
  value,
  onChange,
  onBlur,
  isDisabled,
  isRequired,
  labelledBy,
  inline = false,
  ref,
}: Common) {
  const { locale } = useLocale();
  const groupProps = useSegmentsFocus(ref, labelledBy ?? `${control.id}-label`);
  return (
    <TimeField
      {...ariaOf(control, labelledBy)}
      className="date-field"
      value={toTime(value)}
      onChange={(next) => onChange(fromTimeValue(next))}
      onBlur={onBlur}
      isDisabled={isDisabled}
      isRequired={isRequired}
      validationBehavior="aria"
      // 24-hour clocks write 09:05 (as the app's other times do); 12-hour ones 9:05 AM.
      shouldForceLeadingZeros={!usesTwelveHourClock(locale)}
    >
      <Segments
        className={inline ? 'input date-input input--inline' : 'input date-input'}
        groupProps={groupProps}
      />
    </TimeField>
  );
}

function Chevron({ direction }: { direction: 'left' | 'right' }) {
  const d = direction === 'left' ? 'M10 3.5 5.5 8l4.5 4.5' : 'M6 3.5 10.5 8 6 12.5';
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      aria-hidden
      focusable={false}
    >
      <path d={d} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CalendarIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      aria-hidden
      focusable={false}
    >
      <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
      <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" strokeLinecap="round" />
    </svg>
  );
}

/**
 * A day typed segment by segment, or picked in a calendar (the button beside it, or Alt+↓):
 * the calendar speaks the formatting locale too (month names, first day of the week).
 */
export function DatePicker({
  control,
  value,
  onChange,
  onBlur,
  min,
  max,
  isDisabled,
  isRequired,
  labelledBy,
  inline = false,
  ref,
}: DateProps) {
  const intl = useIntl();
  const groupProps = useSegmentsFocus(ref, labelledBy ?? `${control.id}-label`);
  const aria = ariaOf(control, labelledBy);
  return (
    <AriaDatePicker
      {...aria}
      className="date-field"
      value={toCalendarDate(value)}
      onChange={(next) => onChange(fromDateValue(next))}
      onBlur={onBlur}
      minValue={toCalendarDate(min)}
      maxValue={toCalendarDate(max)}
      isDisabled={isDisabled}
      isRequired={isRequired}
      validationBehavior="aria"
      shouldForceLeadingZeros
    >
      <Group
        className={inline ? 'input date-input date-picker input--inline' : 'input date-input date-picker'}
        {...groupProps}
      >
        <Segments className="date-picker__segments" />
        <Button
          className="date-picker__button"
          aria-label={intl.formatMessage({ id: 'form.date.openCalendar' })}
        >
          <CalendarIcon />
        </Button>
      </Group>
      <Popover className="date-picker__popover" placement="bottom end">
        <Dialog className="date-picker__dialog">
          <Calendar className="calendar">
            <header className="calendar__header">
              <Button slot="previous" className="calendar__nav">
                <Chevron direction="left" />
              </Button>
              <Heading className="calendar__heading" />
              <Button slot="next" className="calendar__nav">
                <Chevron direction="right" />
              </Button>
            </header>
            <CalendarGrid className="calendar__grid">
              {(date) => <CalendarCell date={date} className="calendar__cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </AriaDatePicker>
  );
}
