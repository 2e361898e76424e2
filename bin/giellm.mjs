#!/usr/bin/env node
// The CLI runs the TypeScript core directly: tsx compiles src/ on the fly, so there is no separate build.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
const { nodeIo } = await import('../src/cli/io.ts');
process.exitCode = await run(process.argv.slice(2), nodeIo());
