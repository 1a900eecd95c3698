import type { entitiesFr } from './entities.fr.js';

/** English names of the sync entities: the same keys as entities.fr.ts. */
export const entitiesEn: Record<keyof typeof entitiesFr, string> = {
  'entity.customer': 'Customer',
  'entity.product': 'Product',
  'entity.priceList': 'Price list',
  'entity.price': 'Price',
  'entity.playbook': 'Sales playbook',
  'entity.contact': 'Contact',
  'entity.consent': 'Consent',
  'entity.note': 'Note',
  'entity.order': 'Order',
  'entity.appointment': 'Appointment',
  'entity.action': 'Marketing action',
  'entity.visit': 'Visit',
  'entity.complaint': 'Complaint',
  'entity.complaintEvent': 'Complaint update',
  'entity.complaintAttachment': 'Attachment',
  'entity.campaignTask': 'Campaign task',
  'entity.conflict': 'Conflict',
  'entity.outcome': 'Refused change',
};
