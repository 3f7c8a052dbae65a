// The thread zero-config inference runs in (see inferThread.ts): it receives the folder's texts in chunks,
// then what the index found with the presets, infers, and sends back what it found.

import { parentPort } from 'node:worker_threads';
import type { SourceText } from '../analysis/discover';
import { inferFrom } from './inference';
import type { InferMessage, InferResponse } from './inferThread';

const sources: SourceText[] = [];

parentPort?.on('message', (message: InferMessage) => {
  if (message.kind === 'sources') {
    sources.push(...message.sources);
    return;
  }
  let response: InferResponse;
  try {
    response = { kind: 'inferred', ...inferFrom(sources, message.request) };
  } catch (error) {
    response = { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
