import { randomBytes } from 'node:crypto';

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Time-ordered ids keep
 * B-tree inserts local and make rows sort by creation. PostgreSQL 15 has no uuidv7(),
 * so ids are made here, in one place.
 */
let lastMs = 0;
let counter = 0;
// One randomBytes call per id cost microseconds each (a call into OpenSSL), seconds for an import's million
// rows: ids take their 16 bytes from a pool refilled 64 KiB at a time (bytes are never handed out twice).
const POOL_BYTES = 65_536;
let pool = Buffer.alloc(0);
let poolAt = POOL_BYTES;
export function uuidv7(now = Date.now()): string {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(POOL_BYTES);
    poolAt = 0;
  }
  const b = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  // Within one millisecond, a 12-bit counter in rand_a keeps ids monotonic (RFC 9562 §6.2, method 1).
  if (now === lastMs) counter = (counter + 1) & 0xfff;
  else {
    lastMs = now;
    counter = b.readUInt16BE(6) & 0x7ff;
  }
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
