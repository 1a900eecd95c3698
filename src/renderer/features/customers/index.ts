export { CustomerList } from './CustomerList.js';
export { CustomerPage } from './CustomerPage.js';
export { portfolioRfm, rfmVersionKey, usePortfolioRfm, usePrewarmPortfolioRfm } from './rfmCache.js';
export type { PortfolioRfm } from './rfmCache.js';
export { KeyFigures } from './KeyFigures.js';
export type { KeyFiguresValues, KeyFiguresView } from './KeyFigures.js';
export { keyFigures, keyFiguresRfm } from './keyFigures.js';
export type { CustomerKeyFigures, KeyFiguresRfm } from './keyFigures.js';
