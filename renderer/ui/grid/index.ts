export { DataGrid, type DataGridHandle, type DataGridProps, type DataGridSelection } from './DataGrid';
export { ScopePicker, useLoadedScopes, useScopes } from './ScopePicker';
