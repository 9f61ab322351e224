import { REVISIT_TABS, type RevisitKind, type RevisitTab } from '../../../../common/api/revisits';
import { primaryPhoneExpr } from '../../customers';
import { eventDateColumn, latestRevisitSql, revisitRange, revisitRuleSql } from '../revisit-sql';
import { parameterisedPresets } from './reminder-presets';
import { type ColumnDef, type DatasetDef, mergePresets, userNameColumn } from '../../grid';
import { selfAuditPresets } from '../../self-audit';
import { aftersalesPresets } from '../../analysis';
import { REVISIT_EVENT_COLUMNS } from './texts';
import { REVISIT_RESULT } from '../../../../common/api/revisits-texts';
import { enumOptions } from '../../../../common/i18n/enum-options';

const DAY = String.raw`\d{4}-\d{2}-\d{2}`;
const PRESET = new RegExp(`^(${REVISIT_TABS.join('|')})(?::(${DAY})~(${DAY}))?$`);

/** 'pending' or 'pending:<from>~<to>' (revisitPreset) → the tab and range. */
function parse(name: string): { tab: RevisitTab; from?: string; to?: string } | null {
  const m = PRESET.exec(name);
  if (!m) return null;
  return { tab: m[1] as RevisitTab, ...(m[2] ? { from: m[2], to: m[3] } : {}) };
}

const RESULTS = enumOptions(REVISIT_RESULT);

/**
 * 销售回访 / 维修回访 on the grid: one row per delivery (sales) or service visit (repair) of the
 * preset's date range on the preset's tab (待回访 / 需再次回访 / 未接通 / 已回访, by the event's
 * latest revisit; revisit-sql.ts), DND (revisits) customers left out of the tabs still to work.
 * The row id is the event id (what the revisit form opens). Visibility by the customer's owner.
 * Sortable: the event date (its index drives the range) and the id.
 */
export function revisitEventsDataset(kind: RevisitKind): DatasetDef {
  const e = 'c';
  const latest = (col: string) => `(select r.${col} from revisits r where r.id = ${latestRevisitSql(kind, e)})`;
  const repairCols: ColumnDef[] =
    kind === 'repair'
      ? [
          { id: 'roNumber', type: 'text', ...REVISIT_EVENT_COLUMNS.pair('roNumber'), expr: 'c.ro_number', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 150 },
          { id: 'items', type: 'text', ...REVISIT_EVENT_COLUMNS.pair('items'), expr: 'c.items', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 180 },
        ]
      : [];
  return {
    from: `${kind === 'sales' ? 'deliveries' : 'service_visits'} c join customers cu on cu.id = c.customer_id left join vehicles vh on vh.id = c.vehicle_id`,
    owner: 'cu.owner_id',
    searchCustomerId: 'c.customer_id',
    // The tabs, and 审核自查's revisits later than 3 days ('audit:6a:…' / 'audit:6b:…').
    presets: mergePresets(
      parameterisedPresets(parse, (p, today) => revisitRuleSql(kind, p.tab, revisitRange(today, p.from, p.to), { e, c: 'cu' })),
      selfAuditPresets(kind === 'sales' ? 'revisitSales' : 'revisitRepair'),
      // 售后 / 客服's figures: revisited within 3 days, dissatisfied (by reason) ('rv3@…', 'dis.<reason>@…').
      aftersalesPresets(kind === 'sales' ? 'revisitSales' : 'revisitRepair'),
    ),
    defaultSort: [{ col: 'date', dir: 'desc' }],
    columns: [
      { id: 'id', type: 'number', zh: kind === 'sales' ? '交车编号' : '维修编号', en: 'Event ID', expr: 'c.id', nullable: false, sortable: true, filterable: true, groupable: false, defaultVisible: false, width: 90 },
      { id: 'customerId', type: 'number', ...REVISIT_EVENT_COLUMNS.pair('customerId'), expr: 'c.customer_id', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: false, width: 90 },
      { id: 'customerName', type: 'text', ...REVISIT_EVENT_COLUMNS.pair('customerName'), related: 'customers', expr: 'cu.name', nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 140 },
      { id: 'phone', type: 'text', ...REVISIT_EVENT_COLUMNS.pair('phone'), related: 'customers', expr: primaryPhoneExpr('cu.id'), phone: true, nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 130 },
      { id: 'plate', type: 'text', ...REVISIT_EVENT_COLUMNS.pair('plate'), related: 'vehicles', expr: 'vh.plate', nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 100 },
      { id: 'model', type: 'enum', ...REVISIT_EVENT_COLUMNS.pair('model'), expr: kind === 'sales' ? 'coalesce(c.model, vh.model)' : 'vh.model', dict: 'model', nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 120 },
      { id: 'date', type: 'date', zh: kind === 'sales' ? '交车日期' : '维修日期', en: kind === 'sales' ? 'Delivered' : 'Repaired', expr: `c.${eventDateColumn(kind)}`, nullable: false, sortable: true, filterable: true, groupable: true, defaultVisible: true, width: 115 },
      ...repairCols,
      { id: 'attempts', type: 'number', ...REVISIT_EVENT_COLUMNS.pair('attempts'), expr: `coalesce(${latest('attempts')}, 0)`, nullable: false, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 90 },
      { id: 'result', type: 'enum', ...REVISIT_EVENT_COLUMNS.pair('result'), expr: latest('result'), enumValues: RESULTS, nullable: true, sortable: false, filterable: true, groupable: true, defaultVisible: true, width: 90 },
      { id: 'score', type: 'number', ...REVISIT_EVENT_COLUMNS.pair('score'), expr: latest('score'), nullable: true, sortable: false, filterable: true, groupable: false, defaultVisible: true, width: 70 },
      {
        id: 'agentName',
        type: 'text',
        ...REVISIT_EVENT_COLUMNS.pair('agentName'),
        expr: `(select u.display_name from users u where u.id = ${latest('agent_id')})`,
        nullable: true,
        sortable: false,
        filterable: true,
        groupable: false,
        defaultVisible: false,
        width: 90,
      },
      userNameColumn({ id: 'ownerName', ...REVISIT_EVENT_COLUMNS.pair('ownerName'), related: 'customers', userIdExpr: 'cu.owner_id' }),
    ],
  };
}

