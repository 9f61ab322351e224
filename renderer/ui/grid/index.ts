export { DataGrid, type DataGridHandle, type DataGridProps, type DataGridSelection } from './DataGrid';
export { SessionDataGrid, type SessionDataGridProps } from './SessionDataGrid';
export { ScopePicker, useListScope, useLoadedScopes, useScopes } from './ScopePicker';
