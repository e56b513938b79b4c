import { ORG_SHEETS, POSITION_LABELS, POSITIONS, ROLE_SHEET_NAMES, ROLES, UNIT_KIND_NAMES } from '@app/domain';

/** The "Hướng dẫn" sheet of the organisation's workbook, line by line. */
export function orgWorkbookGuide(): { text: string; heading?: true }[] {
  const roles = ROLES.map((r) => ROLE_SHEET_NAMES[r]).join(', ');
  return [
    { text: 'HƯỚNG DẪN NHẬP TỔ CHỨC ĐẢNG VÀ NGƯỜI DÙNG', heading: true },
    { text: 'Tệp gồm hai trang dữ liệu. Không đổi tên trang và tên cột ở dòng 1; có thể thêm cột ghi chú riêng, hệ thống bỏ qua các cột đó.' },
    { text: 'Trước khi ghi, hệ thống cho xem trước những gì sẽ thêm, sửa hoặc bỏ, cùng mọi lỗi theo trang, dòng và cột. Tệp còn lỗi thì không thay đổi gì.' },
    { text: '' },
    { text: `Trang “${ORG_SHEETS.units}”`, heading: true },
    { text: 'Mỗi đơn vị một dòng. Mã đơn vị gồm chữ cái, chữ số và các dấu - . / _ (không có dấu cách), không trùng nhau.' },
    { text: `Loại: ${UNIT_KIND_NAMES.map((k) => k.name).join('; ')}.` },
    { text: 'Mã đơn vị cấp trên: mã của đơn vị trực tiếp cấp trên, ở trong tệp hoặc đã có trong hệ thống; để trống với đơn vị cao nhất (Đảng bộ Khối).' },
    { text: 'Địa danh: nơi ban hành văn bản của đơn vị (ví dụ: Hà Nội); để trống thì đơn vị mới lấy “Hà Nội”, đơn vị đã có giữ nguyên.' },
    { text: 'Đơn vị không có trong tệp được giữ nguyên; tệp không xóa đơn vị nào.' },
    { text: '' },
    { text: `Trang “${ORG_SHEETS.people}”`, heading: true },
    {
      text: 'Mỗi người một dòng cho mỗi đơn vị mà người đó có vai trò hoặc chức vụ. Họ và tên, thư điện tử ghi ở một dòng là đủ; nếu ghi ở nhiều dòng thì phải giống nhau.',
    },
    { text: 'Tên đăng nhập: chữ thường không dấu, chữ số và các dấu . _ - (ví dụ: nguyen.van.an).' },
    { text: `Vai trò: ${roles}. Nhiều vai trò tại cùng đơn vị ghi cách nhau bằng dấu phẩy. “Quản trị” có thể để trống Mã đơn vị (quản trị toàn hệ thống).` },
    { text: `Chức vụ: ${POSITIONS.map((p) => POSITION_LABELS[p]).join(', ')}; mỗi người một chức vụ tại một đơn vị, mỗi đơn vị một Bí thư.` },
    { text: 'Vai trò và chức vụ của người có trong tệp trở thành đúng như tệp ghi (vai trò không ghi sẽ bị bỏ). Người không có trong tệp được giữ nguyên.' },
    { text: '' },
    { text: 'Mật khẩu', heading: true },
    {
      text: 'Tệp không có và không được có cột mật khẩu. Mỗi người mới nhận thư điện tử có liên kết để tự đặt mật khẩu (dùng một lần, có thời hạn); người đã có tài khoản giữ mật khẩu của mình.',
    },
  ];
}
