export { CampaignDialog, CampaignForm, type CampaignTarget } from './CampaignForm.js';
export { CampaignScreen } from './CampaignScreen.js';
export { CampaignsScreen } from './CampaignsScreen.js';
