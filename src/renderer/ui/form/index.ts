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
