export * from './playbook.js';
export { defaultPlaybook } from './defaultPlaybook.js';
export { draftReformulation } from './reformulation.js';
