export { rfmHandlers } from './handlers.js';
export { rfmMigrations, rfmScores } from './scores.js';
