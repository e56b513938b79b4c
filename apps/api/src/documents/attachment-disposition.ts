/**
 * `Content-Disposition` of a download whose name may hold Vietnamese letters (RFC 6266): an ASCII
 * `filename` for old clients, the name itself in `filename*` (RFC 8187, UTF-8 percent-encoded).
 * A header holds only Latin-1 without control characters: Node refuses anything else with a 500,
 * which is what a unit code like `CB-Đoàn` in `filename="…"` caused.
 */
export function attachmentDisposition(fileName: string): string {
  const name = withoutPathOrControls(fileName.normalize('NFC'));
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${percentEncode(name)}`;
}

/** A file name carries no directory and no control character, whatever the code it was made from. */
function withoutPathOrControls(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[/\\]/g, '-');
}

/** Vietnamese without its marks (Đoàn → Doan); anything else outside printable ASCII, and quotes, become `_`. */
export function asciiFallback(name: string): string {
  return name
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** RFC 8187 attr-chars stay; every other UTF-8 byte is %XX. */
function percentEncode(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
