// Thin wrapper: all logic lives in runDeadlineCommand (libs/calendar), which is unit-tested.
import { runDeadlineCommand } from '@onewindow/calendar';

const result = runDeadlineCommand(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
