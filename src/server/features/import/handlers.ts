/** `import-run` (admin only): see src/shared/contract/imports.ts and run.ts. */
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/contract/imports.js';
import { fail } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Handlers } from '../../dispatch.js';
import { ADMIN_ONLY } from '../../roles.js';
import { runImport } from './run.js';

export const importHandlers = {
  'import-run': {
    auth: ADMIN_ONLY,
    async run(input, ctx) {
      const bytes = Buffer.from(input.contentBase64, 'base64');
      if (bytes.length > MAX_IMPORT_FILE_BYTES) {
        return fail(
          'bad-request',
          msg('import.tooLarge', {
            size: Number((bytes.length / 2 ** 20).toFixed(1)),
            max: MAX_IMPORT_FILE_BYTES / 2 ** 20,
          }),
          { field: 'contentBase64' },
        );
      }
      return runImport(
        ctx.db,
        {
          kind: input.kind,
          fileName: input.fileName,
          bytes,
          dryRun: input.dryRun,
          ...(input.mapping === undefined ? {} : { mapping: input.mapping }),
          ...(input.ownerEmail === undefined ? {} : { ownerEmail: input.ownerEmail }),
        },
        {
          userId: ctx.principal.user.id,
          now: ctx.config.now(),
          ...(ctx.progress ? { onProgress: ctx.progress } : {}),
        },
      );
    },
  },
} satisfies Pick<Handlers, 'import-run'>;
