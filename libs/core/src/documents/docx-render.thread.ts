import { lowerThreadPriority } from '../threads/lower-thread-priority';
import { serveTasks } from '../threads/serve-tasks';
import { renderDocx } from './docx-renderer';
import type { PartyDocument } from './party-document.model';

/**
 * A thread of DocxRenderPool: builds the .docx of a PartyDocument (a plain model, cloned into the
 * thread) and hands its bytes back without copying them, at a lower CPU priority than the API.
 */
lowerThreadPriority();
serveTasks<PartyDocument, Uint8Array>(async (document) => {
  const content = await renderDocx(document);
  // Its own ArrayBuffer, so that moving it to the API's thread moves nothing else.
  const bytes = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength ? new Uint8Array(content.buffer) : new Uint8Array(content);
  return { result: bytes, transfer: [bytes.buffer as ArrayBuffer] };
});
