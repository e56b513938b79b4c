/**
 * Numbers and symbols of Party documents (Hướng dẫn 36-HD/VPTW): "144-KH/ĐUK" is number 144 of the
 * register, the type code KH (kế hoạch) and the issuer code ĐUK (đảng ủy khối).
 */
export const DOCUMENT_TYPE_NAMES: Record<string, string> = {
  BC: 'Báo cáo',
  KH: 'Kế hoạch',
  CV: 'Công văn',
  NQ: 'Nghị quyết',
  CT: 'Chỉ thị',
  QĐ: 'Quyết định',
  KL: 'Kết luận',
  QĐi: 'Quy định',
  HD: 'Hướng dẫn',
  TB: 'Thông báo',
  TTr: 'Tờ trình',
};

/** The type code of a report (báo cáo), the only type the engine issues. */
export const REPORT_TYPE_CODE = 'BC';

/** "12-BC/ĐU": a register number with its type and issuer codes. */
export function documentSymbol(number: number, typeCode: string, issuerCode: string): string {
  return `${number}-${typeCode}/${issuerCode}`;
}

/** The number line of the header: "Số 12-BC/ĐU"; unnumbered (a draft), the space left for the number. */
export function numberLine(symbol: string | null, typeCode: string, issuerCode: string): string {
  return symbol ? `Số ${symbol}` : `Số      -${typeCode}/${issuerCode}`;
}

/** The parts of a symbol such as "48-CV/TBĐLĐ", or null when it reads otherwise. */
export function parseSymbol(symbol: string): { number: string; typeCode: string; issuerCode: string } | null {
  const match = /^\s*([^\s/-]+)\s*-\s*([^/\s]+)\s*\/\s*(\S+)\s*$/u.exec(symbol.normalize('NFC'));
  return match ? { number: match[1], typeCode: match[2], issuerCode: match[3] } : null;
}

/** The kind of document a symbol names ("48-CV/TBĐLĐ" → "Công văn"), "Văn bản" when its type code is unknown. */
export function documentTypeNameOf(symbol: string): string {
  const parsed = parseSymbol(symbol);
  return (parsed && DOCUMENT_TYPE_NAMES[parsed.typeCode]) ?? 'Văn bản';
}
