export { CampaignTaskCard, CampaignTaskList, TaskBadge } from './CampaignTaskCard.js';
export { isActiveOn, loadCampaignTasks, useCampaignTasks } from './queries.js';
export type { CampaignTaskQuery, CampaignTaskView } from './queries.js';
export { CustomerCampaignTasks } from './CustomerCampaignTasks.js';
export { VisitTaskNote } from './VisitTaskNote.js';
