/** The screens e2e specs visit one by one: the settings tabs, by their address (#/cai-dat/<tab>). */
export const SETTINGS_TABS = [
  'don-vi',
  'may-tiep-nhan',
  'can-bo',
  'lich-nghi',
  'danh-muc',
  'in-an',
  'dong-bo',
  'du-lieu',
] as const;
