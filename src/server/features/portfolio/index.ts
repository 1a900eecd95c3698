export { anyId } from '../../db/sql.js';
export {
  insertAppointments,
  insertComplaints,
  insertConsents,
  insertContacts,
  insertCustomers,
  insertInChunks,
  insertMarketingActions,
  insertOrders,
  insertPriceLists,
  insertPrices,
  insertProducts,
  insertVisits,
} from './write.js';
export type {
  NewAppointment,
  NewComplaint,
  NewConsent,
  NewContact,
  NewCustomer,
  NewMarketingAction,
  NewOrder,
  NewOrderLine,
  NewPrice,
  NewPriceList,
  NewProduct,
  NewVisit,
} from './write.js';
