import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, playbooks } from '../../src/server/db/schema.js';
import type { PlaybookState } from '../../src/shared/contract/playbook.js';
import { defaultPlaybook } from '../../src/shared/domain/playbook/defaultPlaybook.js';
import type { PlaybookContent, SyncedPlaybook } from '../../src/shared/domain/playbook/playbook.js';
import type { PullResponse } from '../../src/shared/sync/protocol.js';
import { backends, DEMO, delIds, pullAll, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

function contentOf(state: PlaybookState): PlaybookContent {
  const { version: _version, updatedAt: _updatedAt, ...content } = state.playbook;
  return content;
}

function playbookPuts(pages: PullResponse[]): SyncedPlaybook[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === 'playbook' ? [op.value] : [])),
  );
}

describe.each(backends)('playbook on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let manager: string;
  let camille: string;
  const camilleClient = uuidv7();
  const managerClient = uuidv7();
  let camilleCookie: number | null = null;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [admin, manager, camille] = await Promise.all([
      server.login(DEMO.admin),
      server.login(DEMO.manager),
      server.login(DEMO.camille),
    ]);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  async function camillePull(): Promise<PullResponse[]> {
    const pages = await pullAll(server, camille, camilleClient, camilleCookie);
    camilleCookie = pages.at(-1)?.cookie ?? camilleCookie;
    return pages;
  }
  async function counts() {
    const rows = await server.database.db.select({ id: playbooks.id }).from(playbooks);
    const audits = await server.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.method, 'playbook-save'));
    return { rows: rows.length, audits: audits.length };
  }

  it('before any save, everyone reads the built-in playbook and laptops hold none', async () => {
    const state = await server.ok<PlaybookState>('playbook-get', {}, camille);
    expect(state).toEqual({ playbook: defaultPlaybook, savedBy: null });
    expect(playbookPuts(await camillePull())).toEqual([]);
  });

  it('an admin saves a new version; a rep pulls it, then the next one replaces it', async () => {
    const base = await server.ok<PlaybookState>('playbook-get', {}, admin);
    const content = contentOf(base);
    const edited: PlaybookContent = {
      ...content,
      objections: content.objections.map((o, i) =>
        i === 0
          ? {
              ...o,
              text: 'Vos prix ont encore augmenté',
              answers: [...o.answers, { technique: 'question', text: 'Par rapport à quoi ?' }],
            }
          : o,
      ),
    };
    const saved = await server.ok<PlaybookState>(
      'playbook-save',
      { baseVersion: base.playbook.version, document: edited },
      admin,
    );
    expect(saved.playbook.version).toBe(defaultPlaybook.version + 1);
    expect(saved.savedBy).toMatchObject({ name: expect.any(String) as string });
    expect(saved.playbook.objections[0]?.text).toBe('Vos prix ont encore augmenté');
    expect(await server.ok<PlaybookState>('playbook-get', {}, camille)).toEqual(saved);

    const first = playbookPuts(await camillePull());
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ version: 2, document: { version: 2 } });
    expect(first[0]?.document.objections[0]?.answers.at(-1)).toEqual({
      technique: 'question',
      text: 'Par rapport à quoi ?',
    });
    // Nothing new: an empty pull.
    expect((await camillePull()).flatMap((p) => p.patch)).toEqual([]);

    const again = await server.ok<PlaybookState>(
      'playbook-save',
      { baseVersion: 2, document: { ...edited, priceReminders: ['Annoncer le prix en dernier'] } },
      admin,
    );
    expect(again.playbook.version).toBe(3);
    const pages = await camillePull();
    const next = playbookPuts(pages);
    expect(next.map((p) => p.version)).toEqual([3]);
    expect(next[0]?.document.priceReminders).toEqual(['Annoncer le prix en dernier']);
    // The laptop drops version 2: it keeps the newest only.
    expect(pages.flatMap((p) => delIds(p, 'playbook'))).toEqual([first[0]?.id]);

    // A manager's laptop pulls the newest only, too.
    const managerPages = await pullAll(server, manager, managerClient, null);
    expect(playbookPuts(managerPages).map((p) => p.version)).toEqual([3]);

    // Head office keeps every version, and each save is audit-logged.
    expect(await counts()).toEqual({ rows: 2, audits: 2 });
  });

  it('refuses a rep or a manager saving (forbidden), nothing written', async () => {
    const before = await counts();
    const current = await server.ok<PlaybookState>('playbook-get', {}, camille);
    for (const token of [camille, manager]) {
      const reply = await server.call(
        'playbook-save',
        { baseVersion: current.playbook.version, document: contentOf(current) },
        token,
      );
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a stale base version, naming who saved meanwhile; nothing written', async () => {
    const before = await counts();
    const current = await server.ok<PlaybookState>('playbook-get', {}, admin);
    const reply = await server.call(
      'playbook-save',
      { baseVersion: current.playbook.version - 1, document: contentOf(current) },
      admin,
    );
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'conflict', field: 'baseVersion' } });
    const message = reply.body.ok ? '' : reply.body.error.message;
    expect(message).toContain(current.savedBy?.name ?? 'missing name');
    expect(message).toContain(`version ${String(current.playbook.version)}`);
    expect(await counts()).toEqual(before);
    expect(await server.ok<PlaybookState>('playbook-get', {}, admin)).toEqual(current);
  });

  it('refuses an invalid document with the field path; nothing written', async () => {
    const before = await counts();
    const current = await server.ok<PlaybookState>('playbook-get', {}, admin);
    const content = contentOf(current);
    const blankAnswer = {
      ...content,
      objections: content.objections.map((o, i) =>
        i === 1 ? { ...o, answers: [{ technique: 'yes-but', text: '   ' }] } : o,
      ),
    };
    const reply = await server.call(
      'playbook-save',
      { baseVersion: current.playbook.version, document: blankAnswer },
      admin,
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: 'document.objections.1.answers.0.text' },
    });

    const duplicateId = {
      ...content,
      closings: [...content.closings, { ...content.closings[0]!, name: 'Encore' }],
    };
    const duplicate = await server.call(
      'playbook-save',
      { baseVersion: current.playbook.version, document: duplicateId },
      admin,
    );
    expect(duplicate.body).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: `document.closings.${String(content.closings.length)}.id` },
    });
    expect(await counts()).toEqual(before);
  });

  it('two admins saving from the same version: one wins, the other is refused', async () => {
    const current = await server.ok<PlaybookState>('playbook-get', {}, admin);
    const second = await server.login(DEMO.admin);
    const replies = await Promise.all(
      [admin, second].map((token) =>
        server.call(
          'playbook-save',
          { baseVersion: current.playbook.version, document: contentOf(current) },
          token,
        ),
      ),
    );
    expect(replies.map((r) => r.body.ok).sort()).toEqual([false, true]);
    const rows = await server.database.db.execute(
      sql`select count(*)::int as n from ${playbooks} where ${playbooks.version} = ${current.playbook.version + 1}`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });
});
