import type { SQL } from 'drizzle-orm';
import type { EnumValue, GridColumnMeta, GridSort } from '../../../../common/api/grid';
import type { Permission } from '../../../../common/roles';

/** A column of a data set: its public metadata plus the SQL expression (a constant: never from input). */
export interface ColumnDef extends Omit<GridColumnMeta, 'enumValues'> {
  expr: string;
  /** Enum values come from this `dictionaries` kind ... */
  dict?: string;
  /** ... or from this fixed list. */
  enumValues?: EnumValue[];
  /** Nullable columns need NULL-aware keyset comparisons. */
  nullable: boolean;
  /** Rendered masked unless the user may see all customers. */
  masked?: boolean;
  /**
   * Group by a cheaper, indexed key than the shown value: e.g. the owner's id (customers_owner_idx)
   * instead of their name (a lookup per row). `label` is an SQL expression of `g.k`, the key.
   * Group keys sent back by the renderer are then these keys, so opening a group is an index seek.
   */
  groupKey?: { expr: string; label: string };
  /**
   * The column's counts per owner are kept in customer_group_counts under this name (customers
   * only; the names are the customers feature's GROUP_COUNT_DIMS, checked where the data set is
   * written): its groups with no filter are summed from there instead of counted row by row.
   */
  counted?: string;
}

export interface DatasetDef {
  /** FROM clause with aliases; the main table is aliased `c` and has an integer `id`. */
  from: string;
  /**
   * SQL for the user who owns a row (a customer's consultant, an opportunity's consultant, an
   * activity's owner): the mine / team / all scopes filter on it. Default `c.owner_id`.
   */
  owner?: string;
  /**
   * SQL for the id of the row's customer, for the quick-find box (name or phone prefix): 'c.id' on
   * the customers list, 'c.customer_id' on a customer's records. Without it the list has no box.
   */
  searchCustomerId?: string;
  /**
   * Named rules a screen pins with filter.preset (生日提醒's "this week", 无计划客户): SQL built on
   * the server from its clock and settings, so the list, its count, export and "all N matching"
   * selection agree. Keys are the only accepted names.
   */
  presets?: Record<string, (ctx: { timeZone: string; now: number }) => SQL>;
  columns: ColumnDef[];
  defaultSort: GridSort[];
  /** Team / all scopes also need this permission (recordings: recordings.play); 'mine' never does. */
  widerScopesNeed?: Permission;
  /** Rows belong to the dealer, not to a user (SMS templates): every scope lists them all. */
  shared?: boolean;
}
