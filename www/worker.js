// The processing worker: runs `processFile` of the WebAssembly module off the page's main
// thread, so the page never freezes on a large export.
//
// Protocol (messages from the page):
//   {type: 'init', module: WebAssembly.Module}        → {type: 'ready'} or {type: 'error'}
//   {type: 'process', id, bytes: Uint8Array, options} → {type: 'done', id, result}
//      (options: processFile's, plus `onlyFindings`; result gets `total`, the record count)
//                                                      or {type: 'error', id, message}
// `result.output` (a Uint8Array) is transferred, not copied.
//
// Pseudonym consistency: a worker's engine numbers pseudonyms per `process` call. The page
// therefore uses the pool only to SCAN chunks of a file for review (numbers are not shown),
// and makes the download in ONE `process` call over the whole file in one worker, with one
// engine, so `[PERSOON-1]` means the same value everywhere in the downloaded file.
//
// In the single-file page this file is inlined (scripts/inline-page.mjs) and started from a
// Blob URL as a module worker; served, it is loaded from `worker.js` next to the facade.

import * as wasm from './pkg/weglakker.js';

let ready = false;

self.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      wasm.initSync({ module: message.module });
      ready = true;
      self.postMessage({ type: 'ready' });
    } catch (err) {
      self.postMessage({ type: 'error', message: String(err?.message ?? err) });
    }
    return;
  }
  if (message.type === 'process') {
    const { id, bytes, options } = message;
    if (!ready) {
      self.postMessage({ type: 'error', id, message: 'worker not initialised' });
      return;
    }
    try {
      // `onlyFindings` is the pool's: records without findings are left here, so a large
      // export does not pile them up on the page's thread. `total` still counts them.
      const { onlyFindings, ...rest } = options;
      const result = wasm.processFile(bytes, rest);
      result.total = result.records.length;
      if (onlyFindings) {
        result.records = result.records.filter((r) => r.fields.some((f) => f.findings.length > 0));
        // Fields without findings (other than the post's text) are not shown: drop them too.
        for (const r of result.records) r.fields = r.fields.filter((f) => f.findings.length > 0 || f.field === 'text');
      }
      self.postMessage({ type: 'done', id, result }, [result.output.buffer]);
    } catch (err) {
      self.postMessage({ type: 'error', id, message: String(err?.message ?? err) });
    }
  }
};
