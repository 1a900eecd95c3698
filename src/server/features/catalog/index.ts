export { selectPriceLists, selectPrices, selectProducts } from './wire.js';
