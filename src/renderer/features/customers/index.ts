export { CustomerList } from './CustomerList.js';
export { CustomerPage } from './CustomerPage.js';
export { usePrewarmPortfolioRfm } from './rfmCache.js';
