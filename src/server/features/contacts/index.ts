export { selectConsents, selectContacts } from './wire.js';
