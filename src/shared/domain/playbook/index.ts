export * from './playbook.js';
export { defaultPlaybook } from './defaultPlaybook.js';
export { slugify, uniqueSlug, withGeneratedIds } from './itemIds.js';
export { draftReformulation } from './reformulation.js';
