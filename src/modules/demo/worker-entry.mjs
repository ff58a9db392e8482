// Entry of the demo generator's worker thread: TypeScript runs through tsx here as in the main thread
// (bin/teilhabe.mjs), whatever loader the main thread used.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
