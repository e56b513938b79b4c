/**
 * The file name a `Content-Disposition` header gives: the UTF-8 `filename*` (RFC 8187) when there,
 * since the plain `filename` beside it is only an ASCII fallback (`bao-cao-CB-Doan.docx` for
 * `bao-cao-CB-Đoàn.docx`).
 */
export function downloadName(disposition: string): string | undefined {
  const extended = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(disposition)?.[1];
}
