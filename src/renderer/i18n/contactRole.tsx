/**
 * A contact's role as the user reads it: a role the app knows (the demo's and most imports'
 * French labels, or a code) through the catalogue, anything else as it was typed.
 */
import { contactRoleOf } from '../../shared/domain/contact/contact.js';
import { Msg } from './Msg.js';

export function ContactRoleText({ stored }: { stored: string }) {
  const known = contactRoleOf(stored);
  if (known === null) return <>{stored}</>;
  return <Msg id={`contactRole.${known.role}`} values={{ female: String(known.female) }} />;
}
