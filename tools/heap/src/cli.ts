// Entry point of the pugo-heap command.
process.stderr.write('pugo-heap: not implemented yet\n');
process.exitCode = 2;
