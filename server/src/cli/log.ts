/** Progress and status lines go to stderr so stdout stays clean for data (rasd extract). */
export const log = (line: string) => process.stderr.write(`${line}\n`);

/** Without a terminal (CI, a log file), a line at every 10 % step or every 5 s, whichever comes first. */
const plainStepFraction = 0.1;
const plainEveryMs = 5000;

/**
 * A one-line progress bar on a terminal. Without one, plain lines — one per
 * 10 % or per 5 s, not one per item — and always the last one.
 */
export function progress(total: number, label: string, now: () => number = Date.now) {
  let done = 0;
  let lastStep = 0;
  let lastAt = now();
  const line = () => `${label} ${done}/${total}${total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : ""}`;
  const draw = () => {
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      process.stderr.write(`\r${label} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total}`);
      return;
    }
    const step = total > 0 ? Math.floor(done / (total * plainStepFraction)) : 0;
    if (step > lastStep || now() - lastAt >= plainEveryMs || done === total) {
      lastStep = step;
      lastAt = now();
      log(line());
    }
  };
  return {
    tick() {
      done++;
      draw();
    },
    end() {
      if (process.stderr.isTTY) process.stderr.write("\n");
    },
  };
}
