export { CustomerList } from './CustomerList.js';
export { CustomerPage } from './CustomerPage.js';
export { portfolioRfm, rfmVersionKey, usePortfolioRfm, usePrewarmPortfolioRfm } from './rfmCache.js';
export type { PortfolioRfm } from './rfmCache.js';
export { keyFigures } from './keyFigures.js';
export type { KeyFigures } from './keyFigures.js';
