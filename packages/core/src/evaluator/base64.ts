/**
 * Base64 for the slice rings in snapshots, with explicit little-endian byte order so a snapshot
 * reads the same on any platform. Uses the global `btoa`/`atob` (Node 16+, browsers).
 *
 * @internal Not re-exported from the barrel.
 */

const CHUNK = 0x8000;

/**
 * Encode bytes as base64 text.
 *
 * @param bytes - the bytes
 * @returns base64 text
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Decode base64 text, or `null` when it is not base64.
 *
 * @param text - base64 text
 * @returns the bytes, or `null`
 * @example
 * ```ts
 * base64ToBytes('AQID'); // Uint8Array [1, 2, 3]
 * ```
 */
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

/**
 * The bytes of 32-bit unsigned integers, little-endian.
 *
 * @param values - the integers
 * @returns four bytes per value
 * @example
 * ```ts
 * uint32ToBytes(new Uint32Array([1])); // Uint8Array [1, 0, 0, 0]
 * ```
 */
export function uint32ToBytes(values: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setUint32(i * 4, values[i] ?? 0, true);
  return bytes;
}

/**
 * 32-bit unsigned integers from little-endian bytes (length a multiple of 4).
 *
 * @param bytes - four bytes per value
 * @returns the integers
 * @example
 * ```ts
 * bytesToUint32(new Uint8Array([1, 0, 0, 0])); // Uint32Array [1]
 * ```
 */
export function bytesToUint32(bytes: Uint8Array): Uint32Array {
  const values = new Uint32Array(Math.floor(bytes.length / 4));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < values.length; i++) values[i] = view.getUint32(i * 4, true);
  return values;
}
