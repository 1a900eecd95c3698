export * from './draft.js';
export * from './reportForm.js';
