import { createServer } from "node:net";

/** Samples this process's memory every 50 ms and keeps the peak (MB). */
export class MemoryProbe {
  private rss = 0;
  private heap = 0;
  private timer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
  }
  private sample() {
    const m = process.memoryUsage();
    this.rss = Math.max(this.rss, m.rss / 1e6);
    this.heap = Math.max(this.heap, m.heapUsed / 1e6);
  }
  stop(): { rss: number; heap: number } {
    this.sample();
    clearInterval(this.timer);
    return { rss: this.rss, heap: this.heap };
  }
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
