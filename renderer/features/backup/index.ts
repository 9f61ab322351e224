// The backup feature's public surface: the administrator's home-screen warning.
export { BackupWarning } from './BackupWarning';
