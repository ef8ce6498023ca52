/** A byte count in MiB with one decimal, as the decoding limits' messages show it (`12.3 MiB`). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
