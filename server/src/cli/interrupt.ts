type Shutdown = () => void;

let shutdown: Shutdown | undefined;

/**
 * Ctrl-C (SIGINT) and SIGTERM for every command: the running command's own
 * graceful shutdown when it set one (`rasd start` closes the server), else an
 * exit at once — the managed Neo4j's exit hook then stops a Neo4j this
 * process started, so no command leaves one running. A second Ctrl-C during a
 * graceful shutdown exits at once.
 */
export function installInterruptHandling(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      const graceful = shutdown;
      shutdown = undefined;
      if (graceful) graceful();
      else process.exit(signal === "SIGINT" ? 130 : 143);
    });
}

/** Sets the graceful shutdown the next Ctrl-C/SIGTERM runs; returns a function that removes it. */
export function onInterrupt(handler: Shutdown): () => void {
  shutdown = handler;
  return () => {
    if (shutdown === handler) shutdown = undefined;
  };
}
