// Plain JavaScript on purpose: the JSON Lines store and the multi-process test's child
// processes import this very module, so the test exercises the code path the store uses
// (Node 20 cannot run TypeScript in a child process without a loader we do not depend on).
import { Buffer } from 'node:buffer';
import { open } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';

const NEWLINE = 0x0a;
const SETTLE_TRIES = 5;
const SETTLE_DELAY_MS = 2;

/**
 * Whether the file is empty or ends with a newline. A file may seem not to while another
 * process's write of a long line is still being copied in (Linux grows the size page by page),
 * so look again a few times, a few milliseconds apart, before calling the last line torn. If a
 * write is still in progress after that, the worst outcome is one blank line, which readers skip.
 *
 * @param {import('node:fs/promises').FileHandle} handle
 * @returns {Promise<boolean>}
 */
async function endsWithNewline(handle) {
  const last = Buffer.alloc(1);
  for (let attempt = 1; ; attempt += 1) {
    const { size } = await handle.stat();
    if (size === 0) return true;
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === NEWLINE) return true;
    if (attempt === SETTLE_TRIES) return false;
    await setTimeout(SETTLE_DELAY_MS);
  }
}

/**
 * Append whole lines to a file without ever rewriting what is already there.
 *
 * The file is opened with O_APPEND, so the kernel moves to the end of the file and writes in
 * one step: two processes appending at once cannot overwrite each other, and because the
 * whole batch goes out in a single write(2) on a regular file, their lines are not interleaved
 * (POSIX.1-2017 XSH 2.9.7 makes write() atomic for regular files; PIPE_BUF only bounds pipes).
 * If the file does not end in a newline (a torn last line left by a crash), the batch starts
 * with one, so new lines are never glued to the torn one.
 *
 * @param {string} file - the ledger file, created when missing
 * @param {string} text - one or more lines, each ending in "\n"
 * @param {{ sync?: boolean }} [options] - `sync: true` waits for the data to reach the disk
 * @returns {Promise<void>}
 */
export async function appendLines(file, text, options = {}) {
  if (text === '') return;
  if (!text.endsWith('\n')) {
    throw new TypeError('appendLines() takes whole lines: the text must end with "\\n"');
  }
  const handle = await open(file, 'a+');
  try {
    let data = Buffer.from(text, 'utf8');
    if (!(await endsWithNewline(handle))) data = Buffer.concat([Buffer.from('\n'), data]);
    let offset = 0;
    // One write in practice; a short write (disk full, signal) continues where it stopped,
    // and anything torn by a failure is reported by the reader, never silently dropped.
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
    if (options.sync === true) await handle.datasync();
  } finally {
    await handle.close();
  }
}
