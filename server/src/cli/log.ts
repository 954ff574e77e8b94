/** Progress and status lines go to stderr so stdout stays clean for data (rasd extract). */
export const log = (line: string) => process.stderr.write(`${line}\n`);

/** A one-line progress bar on a terminal; plain lines when stderr is not a TTY (CI). */
export function progress(total: number, label: string) {
  let done = 0;
  const draw = () => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${bar} ${done}/${total}`);
    else log(`${label} ${done}/${total}`);
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
