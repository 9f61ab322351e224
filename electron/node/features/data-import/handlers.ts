import type { dataImportApi } from '../../../common/api/data-import';
import { me, type Handlers } from '../../handlers';
import { ImportMappings } from './mappings';
import { importTemplate } from './template';
import { undoImport } from './undo';

export const dataImportHandlers: Handlers<typeof dataImportApi> = {
  'dataImport.preview': (ctx, input) => ctx.core.services.dataImport.preview(me(ctx), ctx.locale, input),
  'dataImport.start': (ctx, input) => ctx.core.services.dataImport.start(me(ctx), ctx.locale, input),
  'dataImport.cancel': (ctx, { batchId }) => ctx.core.services.dataImport.cancel(batchId),
  'dataImport.get': (ctx, { batchId }) => ctx.core.services.dataImport.get(batchId),
  'dataImport.list': (ctx) => ctx.core.services.dataImport.list(),
  'dataImport.undo': (ctx, { batchId }) => undoImport(ctx.core, me(ctx).user.id, ctx.locale, batchId),
  'dataImport.mappings.list': (ctx, { kind }) => new ImportMappings(ctx.core).list(kind),
  'dataImport.mappings.save': (ctx, { kind, name, columns }) => new ImportMappings(ctx.core).save(me(ctx).user.id, kind, name, columns),
  'dataImport.mappings.delete': (ctx, { id }) => new ImportMappings(ctx.core).delete(id),
  'dataImport.template': (ctx, { kind }) => importTemplate(kind, ctx.locale),
};
