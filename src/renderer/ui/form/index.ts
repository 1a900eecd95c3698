export { Field, FieldError, FieldHint, controlProps, describedBy, type ControlProps } from './Field.js';
export { ErrorSummary, type Problem } from './ErrorSummary.js';
export { FormActions, SubmitButton } from './FormActions.js';
