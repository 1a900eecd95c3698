export { campaignHandlers } from './handlers.js';
export { selectCampaignTasks, tickCampaignTasks } from './repo.js';
