// A pool of processing workers (www/worker.js): one per core, at most 4. Jobs queue up and
// go to the first idle worker; `cancel()` ends every worker at once (a job in the middle
// of a large chunk cannot be interrupted any other way) and the pool starts fresh workers
// on the next job.
//
//   const pool = createPool({ module, spawn, size: 2 });
//   const result = await pool.run(bytes, { format: 'jsonl', policy });
//   pool.cancel();   // pending jobs reject with an Error named 'AbortError'

/** The default pool size: one worker per core, capped at 4 (at least 1). */
export function defaultSize() {
  const cores = (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2;
  return Math.max(1, Math.min(cores, 4));
}

function abortError() {
  const err = new Error('cancelled');
  err.name = 'AbortError';
  return err;
}

/**
 * `module`: the compiled `WebAssembly.Module` each worker instantiates; `spawn()`: makes
 * one `Worker` running worker.js; `size`: number of workers (default: `defaultSize()`).
 */
export function createPool({ module, spawn, size = defaultSize() }) {
  let workers = []; // {worker, ready: Promise, busy: job|null}
  const queue = [];
  let nextId = 1;

  function start() {
    workers = [];
    for (let i = 0; i < size; i++) {
      const worker = spawn();
      const slot = { worker, busy: null };
      slot.ready = new Promise((resolve, reject) => {
        worker.onmessage = (event) => {
          const m = event.data;
          if (m.type === 'ready') return resolve();
          if (m.id === undefined) return reject(new Error(m.message));
          const job = slot.busy;
          slot.busy = null;
          if (job && job.id === m.id) {
            if (m.type === 'done') job.resolve(m.result);
            else job.reject(new Error(m.message));
          }
          pump();
        };
        worker.onerror = (event) => {
          event.preventDefault?.();
          const err = new Error(event.message || 'worker failed');
          reject(err);
          slot.busy?.reject(err);
          slot.busy = null;
        };
      });
      worker.postMessage({ type: 'init', module });
      workers.push(slot);
    }
  }

  function pump() {
    for (const slot of workers) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift();
      slot.busy = job;
      slot.ready.then(
        () => slot.worker.postMessage({ type: 'process', id: job.id, bytes: job.bytes, options: job.options }),
        (err) => {
          slot.busy = null;
          job.reject(err);
        },
      );
    }
  }

  return {
    size,
    /** Processes `bytes` with `options` (see processFile) in a worker. */
    run(bytes, options) {
      if (workers.length === 0) start();
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, bytes, options, resolve, reject });
        pump();
      });
    },
    /** Ends every worker; queued and running jobs reject with an AbortError. */
    cancel() {
      for (const job of queue.splice(0)) job.reject(abortError());
      for (const slot of workers) {
        slot.busy?.reject(abortError());
        slot.worker.terminate();
      }
      workers = [];
    },
  };
}
