#!/usr/bin/env node
// The `teilhabe` command. TypeScript sources run through tsx: no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
await run(process.argv);
