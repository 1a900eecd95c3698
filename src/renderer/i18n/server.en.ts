import type { ServerMessageKey } from '../../shared/lib/messages.js';
import { serverMessageKeys, serverMessages } from '../../shared/lib/messages.js';

/** Head office's refusals in English: the texts declared with their keys in shared/lib/messages.ts. */
export const serverEn = Object.fromEntries(
  serverMessageKeys.map((key) => [key, serverMessages[key].en]),
) as Record<ServerMessageKey, string>;

/** A catalogue of refusals under the `server.` prefix, as spread into fr.ts and en.ts. */
export function serverCatalogue(texts: Record<ServerMessageKey, string>): {
  [K in ServerMessageKey as `server.${K}`]: string;
} {
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [`server.${key}`, text])) as {
    [K in ServerMessageKey as `server.${K}`]: string;
  };
}
