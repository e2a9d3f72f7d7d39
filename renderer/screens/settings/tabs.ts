/**
 * The tabs of Cài đặt, in order, by their address (#/cai-dat/<key>): the screen shows them, the
 * e2e specs visit each one (axe, keyboard walk). The administrator sees every tab; other officers
 * only those marked `everyone`.
 */
export const SETTINGS_TABS = [
  { key: 'don-vi', label: 'Đơn vị' },
  { key: 'may-tiep-nhan', label: 'Máy tiếp nhận' },
  { key: 'can-bo', label: 'Cán bộ' },
  { key: 'lich-nghi', label: 'Lịch nghỉ lễ' },
  { key: 'danh-muc', label: 'Danh mục thủ tục' },
  { key: 'in-an', label: 'Máy in, khổ giấy' },
  { key: 'dong-bo', label: 'Đồng bộ', everyone: true },
  { key: 'du-lieu', label: 'Dữ liệu' },
] as const satisfies readonly { key: string; label: string; everyone?: true }[];

export type SettingsTabKey = (typeof SETTINGS_TABS)[number]['key'];
