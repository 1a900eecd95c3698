export { CustomerList } from './CustomerList.js';
export { CustomerPage } from './CustomerPage.js';
