/**
 * Runs an operator command's `main` and exits with the code it returns; an unexpected failure prints
 * `<name> failed: <message>` and exits 2 (the exit code of a bad call).
 */
export function runOperatorCommand(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
