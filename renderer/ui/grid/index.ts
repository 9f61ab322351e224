export { DataGrid, type DataGridHandle, type DataGridProps, type DataGridSelection } from './DataGrid';
export { SessionDataGrid, type SessionDataGridProps } from './SessionDataGrid';
export { ScopePicker, useLoadedScopes, useScopes } from './ScopePicker';
