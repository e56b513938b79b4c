import type { Role } from './types';

/** A role as a sentence names it ("không có ai giữ vai trò thẩm định (cấp ủy cấp trên)"), never its key. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = Object.freeze({
  drafter: 'soạn thảo',
  approver: 'thông qua (cấp ủy đơn vị)',
  reviewer: 'thẩm định (cấp ủy cấp trên)',
  consolidator: 'tổ giúp việc (tổng hợp)',
  admin: 'quản trị',
});

/** A role's name, for a role a workflow names; an unknown one reads as such rather than as its key. */
export function roleName(role: string): string {
  return (ROLE_NAMES as Record<string, string>)[role] ?? 'không xác định';
}
