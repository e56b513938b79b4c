/**
 * The columns of a report's appendix sheet. The reader finds them by their headings, not by their
 * place, so a person who inserts a column of notes still has a file that maps back; the figure's
 * key sits in the first, hidden column ("Mã").
 */
export const APPENDIX_HEADINGS = ['Mã', 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Loại số liệu', 'Số liệu', 'Ghi chú'] as const;
export const KEY_HEADING = 'Mã';
export const VALUE_HEADING = 'Số liệu';
/** The heading row of every appendix sheet; above it the title, the unit and how to fill it. */
export const HEADING_ROW = 5;
/** How far down the reader looks for the heading row (a person may add lines above it). */
export const HEADING_SEARCH_ROWS = 30;

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
