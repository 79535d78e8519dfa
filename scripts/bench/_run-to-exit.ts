/**
 * Runs a benchmark's main and ends the process with its outcome: database pools, Prisma and child
 * processes' handles would otherwise keep it alive after the figures are printed.
 */
export const runToExit = (main: () => Promise<void>) =>
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
