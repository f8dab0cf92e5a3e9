import { fsyncSync } from 'node:fs';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * PGlite's defaults trade durability for speed: PostgreSQL runs with `-F` (fsync off) and
 * Emscripten's NODEFS has no `fsync` at all (the call is a silent no-op), so a commit reaches only
 * the OS page cache. This file system gives NODEFS a real fsync (the node fd of the open file), and
 * `DURABLE_START_PARAMS` turn PostgreSQL's fsync back on with `wal_sync_method=fsync` (its
 * `fdatasync` is a no-op in Emscripten). A commit then returns after its WAL is on disk, and a
 * checkpoint after the data files are (docs/operations.md, "Durability").
 */
export class DurableNodeFS extends NodeFS {
  /** fsync calls that reached the disk since start (tests and the durability measurement). */
  static fsyncs = 0;

  override async init(pg: Parameters<NodeFS['init']>[0], options: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...preRun,
      (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
        mod.NODEFS.stream_ops.fsync = (stream: { nfd?: number }) => {
          if (typeof stream.nfd !== 'number') return 0;
          fsyncSync(stream.nfd);
          DurableNodeFS.fsyncs++;
          return 0;
        };
      },
    ];
    return result;
  }
}

/** PGlite 0.5's defaultStartParams without `-F`, and a WAL sync method that really syncs. */
export const DURABLE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
  '-c',
  'synchronous_commit=on',
];
