/**
 * The playbook at head office: one row per saved version. Older versions stay in the table
 * (never tombstoned) as the record of what reps were told when; the pull scope selects only
 * the newest live row, so a laptop that holds version N receives version N+1 as a put and
 * version N as a del at its next pull (the per-client view diff), and keeps only the newest.
 */
import { desc, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { PlaybookState } from '../../../shared/contract/playbook.js';
import { defaultPlaybook } from '../../../shared/domain/playbook/defaultPlaybook.js';
import type { PlaybookContent, SyncedPlaybook } from '../../../shared/domain/playbook/playbook.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import { playbooks, users } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { audit } from '../../lib/audit.js';
import { toIso } from '../../lib/time.js';

interface CurrentRow {
  id: string;
  version: number;
  document: SyncedPlaybook['document'];
  authorId: string | null;
  authorName: string | null;
}

async function newestRow(db: DbOrTx): Promise<CurrentRow | undefined> {
  const [row] = await db
    .select({
      id: playbooks.id,
      version: playbooks.version,
      document: playbooks.document,
      authorId: playbooks.updatedBy,
      authorName: users.name,
    })
    .from(playbooks)
    .leftJoin(users, eq(users.id, playbooks.updatedBy))
    .where(isNull(playbooks.deletedAt))
    .orderBy(desc(playbooks.version))
    .limit(1);
  return row;
}

function stateOf(row: CurrentRow | undefined): PlaybookState {
  if (row === undefined) return { playbook: defaultPlaybook, savedBy: null };
  return {
    playbook: { ...row.document, version: row.version },
    savedBy: row.authorId !== null ? { id: row.authorId, name: row.authorName ?? '' } : null,
  };
}

/** The playbook in force: head office's newest, or the built-in default when none was saved. */
export async function readPlaybookState(db: DbOrTx): Promise<PlaybookState> {
  return stateOf(await newestRow(db));
}

/**
 * Saves an edited playbook as a new version (previous + 1), in the caller's transaction. The
 * table is locked first so two admins saving at once are serialised: the second one's base
 * version is stale and refused, naming who saved meanwhile. Nothing is written on refusal.
 */
export async function savePlaybook(
  tx: Tx,
  input: { content: PlaybookContent; baseVersion: number; author: Pick<User, 'id' | 'name'>; now: Date },
): Promise<Result<PlaybookState>> {
  await tx.execute(sql`lock table ${playbooks} in exclusive mode`);
  const current = await newestRow(tx);
  const currentVersion = current?.version ?? defaultPlaybook.version;
  if (input.baseVersion !== currentVersion) {
    const who = current?.authorName ?? 'someone';
    const when = current !== undefined ? current.document.updatedAt : defaultPlaybook.updatedAt;
    return fail(
      'conflict',
      input.baseVersion < currentVersion
        ? msg('playbook.stale', { who, current: currentVersion, when, base: input.baseVersion })
        : msg('playbook.noSuchVersion', { base: input.baseVersion, current: currentVersion }),
      { field: 'baseVersion' },
    );
  }
  const version = currentVersion + 1;
  const id = uuidv7();
  const document = { version, updatedAt: toIso(input.now), ...input.content };
  await tx.insert(playbooks).values({
    id,
    document,
    updatedBy: input.author.id,
    version,
    createdAt: input.now,
    updatedAt: input.now,
  });
  await audit(
    tx,
    {
      userId: input.author.id,
      method: 'playbook-save',
      entity: 'playbook',
      entityId: id,
      details: { version, baseVersion: input.baseVersion },
    },
    input.now,
  );
  return ok({ playbook: document, savedBy: { id: input.author.id, name: input.author.name } });
}
