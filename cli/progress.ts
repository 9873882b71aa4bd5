/**
 * A progress bar on stderr, drawn only when stderr is a terminal and at most ten times a
 * second, so piped output and CI logs stay clean.
 */
export function progressBar(total: number, label: string): (done: number, note?: string) => void {
  const stream = process.stderr;
  if (!stream.isTTY) return () => {};
  let last = 0;
  return (done, note = '') => {
    const now = performance.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    stream.write(`\r${label} ${bar} ${done}/${total} ${note}`.padEnd(80));
    if (done >= total) stream.write('\n');
  };
}
