/**
 * Where the benchmark's processes run: an optional scheduling priority (`--nice`) and an
 * optional CPU (`--pin`, through util-linux `taskset`), so that the server and the load
 * generator keep to their own cores instead of being stacked on one by the scheduler.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { setPriority } from 'node:os';

/** Priority and CPU of a process; both default to inherited. */
export interface Placement {
  readonly nice?: number;
  readonly cpu?: number;
}

/**
 * Spawn `command` with `placement` applied.
 *
 * @param command - executable
 * @param args - its arguments
 * @param options - spawn options
 * @param placement - priority and CPU
 * @returns the child process (its pid is the command's: taskset execs it)
 */
export function spawnPlaced(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  placement: Placement = {},
): ChildProcess {
  const child =
    placement.cpu === undefined
      ? spawn(command, args, options)
      : spawn('taskset', ['-c', String(placement.cpu), command, ...args], options);
  if (placement.nice !== undefined && child.pid !== undefined)
    setPriority(child.pid, placement.nice);
  return child;
}

/**
 * Apply `placement` to this process (all its threads).
 *
 * @param placement - priority and CPU
 * @throws Error when taskset fails
 */
export function placeSelf(placement: Placement): void {
  if (placement.nice !== undefined) setPriority(placement.nice);
  if (placement.cpu !== undefined) {
    const result = spawnSync('taskset', ['-a', '-pc', String(placement.cpu), String(process.pid)], {
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`taskset failed: ${result.stderr || String(result.error)}`);
  }
}
