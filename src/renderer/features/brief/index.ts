export { BriefScreen } from './BriefScreen.js';
export { CustomerBrief } from './CustomerBrief.js';
export { portfolioPenetration, usePrewarmCrossSell } from './crossSellCache.js';
