// A pool of processing workers (www/worker.js): one per core, at most 4. Jobs queue up and
// go to the first idle worker, or to one given worker (`slot`: the one that keeps the
// records of a scanned chunk); `cancel()` ends every worker at once (a job in the middle
// of a large chunk cannot be interrupted any other way) and the pool starts fresh workers
// on the next job, with a new `generation` (what the old workers kept is gone).
//
//   const pool = createPool({ module, spawn, size: 2 });
//   const { result, slot } = await pool.send({ type: 'process', bytes, options });
//   await pool.send({ type: 'records', scan, chunk, numbers }, { slot });
//   pool.cancel();   // pending jobs reject with an Error named 'AbortError'

/**
 * Two 32-bit hashes (FNV-1a and a multiplicative one) of a record's override key (its id,
 * else its number): the workers send these for every record instead of the ids, and the
 * page matches a policy's `triageOverrides` keys against them (a false match needs both
 * to collide: about one in 2^64). A key never hashes to [0, 0] in practice: the workers
 * send that for a record without an id.
 *
 *   keyHash('r12')   // [a, b]
 */
export function keyHash(key) {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, b >>> 0];
}

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
  let generation = 0;

  function start() {
    workers = [];
    generation++;
    for (let i = 0; i < size; i++) {
      const worker = spawn();
      const slot = { worker, busy: null };
      slot.ready = new Promise((resolve, reject) => {
        worker.onmessage = (event) => {
          const m = event.data;
          if (m.type === 'ready') return resolve();
          if (m.id === undefined) return reject(new Error(m.message));
          const job = slot.busy;
          if (m.type === 'progress') {
            if (job && job.id === m.id) job.onProgress?.(m);
            return;
          }
          slot.busy = null;
          if (job && job.id === m.id) {
            if (m.type === 'done') job.resolve({ result: m.result, slot: i, generation });
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
    workers.forEach((slot, i) => {
      if (slot.busy) return;
      const at = queue.findIndex((job) => job.slot === undefined || job.slot === i);
      if (at === -1) return;
      const [job] = queue.splice(at, 1);
      slot.busy = job;
      slot.ready.then(
        () => slot.worker.postMessage({ ...job.message, id: job.id }, job.transfer),
        (err) => {
          slot.busy = null;
          job.reject(err);
        },
      );
    });
  }

  return {
    size,
    /** Counts the pool's restarts: what a worker kept is gone once this changes. */
    get generation() {
      return generation;
    },
    /**
     * Sends `message` (see worker.js) to a worker: the first idle one, or worker `slot`.
     * Resolves to `{result, slot, generation}`; `onProgress` gets the job's progress messages.
     */
    send(message, { slot, transfer = [], onProgress } = {}) {
      if (workers.length === 0) {
        if (slot !== undefined) return Promise.reject(new Error('the workers were stopped: scan again'));
        start();
      }
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, message, slot, transfer, onProgress, resolve, reject });
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
