/**
 * Base64 for the slice rings in snapshots, with explicit little-endian byte order so a snapshot
 * reads the same on any platform. Uses the global `btoa`/`atob` (Node 16+, browsers).
 *
 * @internal Not re-exported from the barrel.
 */

const CHUNK = 0x8000;

/** Encode bytes as base64 text. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Decode base64 text, or `null` when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes of 32-bit unsigned integers, little-endian. */
export function uint32ToBytes(values: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setUint32(i * 4, values[i] ?? 0, true);
  return bytes;
}

/** 32-bit unsigned integers from little-endian bytes (length a multiple of 4). */
export function bytesToUint32(bytes: Uint8Array): Uint32Array {
  const values = new Uint32Array(Math.floor(bytes.length / 4));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getUint32(i * 4, true);
  return values;
}
