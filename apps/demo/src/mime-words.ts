/**
 * Decodes RFC 2047 encoded-words in a header value, e.g. nodemailer's
 * `=?UTF-8?Q?Nh=E1=BA=AFc_vi=E1=BB=87c?=`, into text. Whitespace between two adjacent encoded-words is
 * dropped (RFC 2047 §6.2), and the bytes of adjacent words in one charset are decoded together, so a
 * character split across two words comes out whole. Anything not an encoded-word is left as it is.
 */
const WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;
const RUN = /=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=(?:\s+=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)*/g;

export function decodeMimeWords(value: string): string {
  return value.replace(RUN, (run) => {
    let text = '';
    let charset = '';
    let bytes: Buffer[] = [];
    const flush = () => {
      if (bytes.length) text += decodeBytes(Buffer.concat(bytes), charset);
      bytes = [];
    };
    for (const [, wordCharset, encoding, payload] of run.matchAll(WORD)) {
      if (wordCharset.toLowerCase() !== charset) flush();
      charset = wordCharset.toLowerCase();
      bytes.push(encoding.toUpperCase() === 'B' ? Buffer.from(payload, 'base64') : decodeQ(payload));
    }
    flush();
    return text;
  });
}

/** The "Q" encoding: `_` is a space, `=XX` a byte in hex, anything else itself. */
function decodeQ(payload: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < payload.length; i++) {
    const c = payload[i];
    if (c === '_') out.push(0x20);
    else if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(payload.slice(i + 1, i + 3))) {
      out.push(parseInt(payload.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(out);
}

function decodeBytes(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('latin1'); // an unknown charset: show the bytes rather than fail the demo
  }
}

/** The unfolded value of one header (e.g. `subject`) of a raw message, still encoded. */
export function rawHeader(message: string, name: string): string | undefined {
  const end = message.search(/\r?\n\r?\n/);
  const head = (end < 0 ? message : message.slice(0, end)).replace(/\r?\n(?=[ \t])/g, '');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head);
  return match?.[1].trim();
}
