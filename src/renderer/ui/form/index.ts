export {
  Field,
  FieldError,
  FieldHint,
  controlProps,
  describedBy,
  type ControlProps,
  type CustomFieldProps,
} from './Field.js';
export { ErrorSummary, type Problem } from './ErrorSummary.js';
export { FormActions, FormError, SubmitButton } from './FormActions.js';
export { FormDialog } from './FormDialog.js';
export {
  DateInput,
  DatePicker,
  TimeInput,
  fromDateValue,
  fromTimeValue,
  toCalendarDate,
  toTime,
  type FocusHandle,
} from './DateFields.js';
