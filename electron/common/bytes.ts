/** 2.0 MB, 512 KB: sizes in the unit a user reads (upload refusals, backup files). */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
