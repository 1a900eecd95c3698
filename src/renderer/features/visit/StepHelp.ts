export { StepHelp } from './stepHelp/StepHelp.js';
export type { UpdateDraft } from './stepHelp/types.js';
