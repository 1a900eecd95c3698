export { BriefScreen } from './BriefScreen.js';
export { CustomerBrief } from './customerBrief/CustomerBrief.js';
export { portfolioPenetration, usePrewarmCrossSell } from './crossSellCache.js';
