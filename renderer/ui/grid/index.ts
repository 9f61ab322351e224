export { DataGrid, type DataGridHandle, type DataGridProps, type DataGridSelection } from './DataGrid';
export { ScopePicker, useScopes } from './ScopePicker';
