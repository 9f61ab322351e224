export { DataGrid, type DataGridHandle, type DataGridProps, type DataGridSelection } from './DataGrid';
