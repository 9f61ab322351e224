import type { dataImportApi } from '../../../common/api/data-import';
import { me, type Handlers } from '../../handlers';
import { ImportMappings } from './mappings';
import { importTemplate } from './template';
import { undoImport } from './undo';

/**
 * Every call names the caller: a manager sees, cancels and undoes only their own imports, and
 * imports only their kinds (IMPORT_KINDS_OF_ROLE); the general manager and the administrator any.
 */
export const dataImportHandlers: Handlers<typeof dataImportApi> = {
  'dataImport.preview': (ctx, input) => ctx.core.services.dataImport.preview(me(ctx), ctx.locale, input),
  'dataImport.start': (ctx, input) => ctx.core.services.dataImport.start(me(ctx), ctx.locale, input),
  'dataImport.cancel': (ctx, { batchId }) => ctx.core.services.dataImport.cancel(me(ctx), batchId),
  'dataImport.get': (ctx, { batchId }) => {
    ctx.core.services.dataImport.batch(me(ctx), batchId);
    return ctx.core.services.dataImport.get(batchId);
  },
  'dataImport.list': (ctx) => ctx.core.services.dataImport.list(me(ctx)),
  'dataImport.undo': (ctx, { batchId }) => {
    ctx.core.services.dataImport.batch(me(ctx), batchId);
    return undoImport(ctx.core, me(ctx).user.id, ctx.locale, batchId);
  },
  'dataImport.mappings.list': (ctx, { kind }) => {
    ctx.core.services.dataImport.assertKind(me(ctx), kind);
    return new ImportMappings(ctx.core).list(kind);
  },
  'dataImport.mappings.save': (ctx, { kind, name, columns }) => {
    ctx.core.services.dataImport.assertKind(me(ctx), kind);
    return new ImportMappings(ctx.core).save(me(ctx).user.id, kind, name, columns);
  },
  'dataImport.mappings.delete': (ctx, { id }) => new ImportMappings(ctx.core).delete(me(ctx), id),
  'dataImport.template': (ctx, { kind }) => {
    ctx.core.services.dataImport.assertKind(me(ctx), kind);
    return importTemplate(kind, ctx.locale);
  },
};
