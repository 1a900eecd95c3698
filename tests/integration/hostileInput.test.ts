/**
 * Hostile input, for every method of the contract: its own input shape (from its zod schema)
 * with hostile values, and arbitrary JSON, full of what breaks databases and parsers (NUL, lone
 * surrogates, year 0 and 275760, huge numbers, long strings, prototype keys, deep nesting), sent
 * as a rep and as an admin. Head office answers each with a Result and never a 5xx.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methods } from '../../src/shared/contract/index.js';
import type { Method } from '../../src/shared/contract/index.js';
import { sql } from 'drizzle-orm';
import { createSession } from '../../src/server/features/auth/sessions.js';
import { queryRows } from '../../src/server/db/types.js';
import { backends, startTestServer } from './harness.js';
import type { TestServer } from './harness.js';

const hostileString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\uD800',
    'x\uDFFFy',
    '0000-01-01',
    '0000-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
    '275760-09-13',
    '9999-12-31T23:59:59.999Z',
    '__proto__',
    'constructor',
    "'; drop table customers; --",
    '%00',
    '01890000-0000-7000-8000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant('é'.repeat(100_000)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'customerId', 'from', 'to'),
        fc.string(),
      ),
      tie('tree'),
      { maxKeys: 5 },
    ),
  ),
}));
/** Objects shaped like inputs: the contract's common field names, each with a hostile value. */
const inputLike = fc.dictionary(
  fc.constantFrom(
    'id',
    'customerId',
    'repId',
    'from',
    'to',
    'asOf',
    'limit',
    'query',
    'changes',
    'name',
    'email',
    'password',
    'deviceName',
    'startAt',
    'mutations',
    'clientId',
    'cookie',
  ),
  tree,
  { maxKeys: 6 },
);
/** A JSON schema node, as z.toJSONSchema writes them (the parts read here). */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
}

/**
 * Values of the method's own input shape (every required field there, optional ones sometimes)
 * where each leaf is either a plausible value of its type or a hostile one: what gets past the
 * first checks and reaches the handlers and the database.
 */
function shaped(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return tree;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants !== undefined) return fc.oneof(...variants.map((v) => shaped(v, depth + 1)));
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), tree);
  if (schema.enum !== undefined) return fc.oneof(fc.constantFrom(...schema.enum), hostileString);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties)) record[key] = shaped(value, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    case 'array':
      return fc.array(schema.items === undefined ? tree : shaped(schema.items, depth + 1), { maxLength: 3 });
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return fc.oneof(fc.uuid({ version: 7 }), hostileString);
        case 'date':
          return fc.oneof(
            fc.constantFrom('0000-01-01', '0000-12-31', '9999-12-31', '2026-02-29', '2024-02-29'),
            hostileString,
          );
        case 'date-time':
          return fc.oneof(
            fc.constantFrom('0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2026-12-07T08:00:00Z'),
            hostileString,
          );
        default:
          return hostileString;
      }
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 1_000 }), hostileNumber);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return tree;
  }
}

const inputOf = (method: Method) =>
  shaped(z.toJSONSchema(contract[method].input, { unrepresentable: 'any', io: 'input' }) as JsonSchema);

const deep = fc.integer({ min: 200, max: 2_000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
});

describe.each(backends)('hostile input on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { customersPerRep: 1 });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('never answers 5xx, whatever any method is sent, by a rep or an admin; a refusal changes nothing', async () => {
    const db = server.database.db;
    /** Rows and versions of what people work with, in one statement. */
    const businessState = async () =>
      (
        await queryRows(
          db,
          sql`select
            (select count(*) || '/' || coalesce(sum(version), 0) from customers) as customers,
            (select count(*) || '/' || coalesce(sum(version), 0) from orders) as orders,
            (select count(*) from order_lines) as order_lines,
            (select count(*) || '/' || coalesce(sum(version), 0) from appointments) as appointments,
            (select count(*) from visits) as visits,
            (select count(*) from notes) as notes,
            (select count(*) || '/' || coalesce(sum(version), 0) from complaints) as complaints,
            (select count(*) from users) as users,
            (select count(*) from teams) as teams,
            (select count(*) from campaigns) as campaigns,
            (select count(*) from playbooks) as playbooks`,
        )
      )[0];
    const callers = [server.ids.repIds.camille, server.ids.adminId];
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...methods)
          .chain((method) =>
            fc.tuple(
              fc.constant(method),
              fc.oneof({ weight: 4, arbitrary: inputOf(method) }, inputLike, tree, deep),
            ),
          ),
        fc.constantFrom(...callers),
        async ([method, input], userId) => {
          // A fresh session each time: some calls (auth-logout, auth-revoke) end sessions.
          const { token } = await createSession(db, userId, 'fuzz', new Date());
          const before = await businessState();
          const reply = await server.call(method, input, token);
          seen.push(method);
          // A refusal changes nothing people work with (sessions and sign-in attempts aside).
          if (!reply.body.ok)
            expect({ method, state: await businessState() }).toEqual({ method, state: before });
          expect({ method, status: reply.status, ok: typeof reply.body.ok }).toEqual({
            method,
            status: reply.status < 500 ? reply.status : 'a 5xx',
            ok: 'boolean',
          });
        },
      ),
      { numRuns: 1_500, seed: 20261207 },
    );
    // The runs reached every method (the seed is fixed, so this cannot flicker).
    expect(new Set(seen).size).toBe(methods.length);
  }, 180_000);
});
