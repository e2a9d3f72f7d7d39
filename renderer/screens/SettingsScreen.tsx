/**
 * Cài đặt (quản trị viên): đơn vị và giờ làm việc; máy tiếp nhận; cán bộ; lịch nghỉ lễ; danh mục
 * thủ tục (nhập từ tệp JSON, báo lỗi từng thủ tục); máy in và khổ giấy. One tab a module in
 * settings/; only the open tab is mounted (and loads what it shows).
 */
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useRoute } from '../stores/route';
import { CatalogueImportTab } from './settings/CatalogueImportTab';
import { HolidayCalendarTab } from './settings/HolidayCalendarTab';
import { OfficersTab } from './settings/OfficersTab';
import { OfficeTab } from './settings/OfficeTab';
import { PrintingTab } from './settings/PrintingTab';
import { WorkstationsTab } from './settings/WorkstationsTab';

const TABS: { key: string; label: string }[] = [
  { key: 'don-vi', label: 'Đơn vị' },
  { key: 'may-tiep-nhan', label: 'Máy tiếp nhận' },
  { key: 'can-bo', label: 'Cán bộ' },
  { key: 'lich-nghi', label: 'Lịch nghỉ lễ' },
  { key: 'danh-muc', label: 'Danh mục thủ tục' },
  { key: 'in-an', label: 'Máy in, khổ giấy' },
];

export function SettingsScreen({ tab }: { tab: string }) {
  const go = useRoute((s) => s.go);
  const active = TABS.some((t) => t.key === tab) ? tab : 'don-vi';
  const content: Record<string, ReactNode> = {
    'don-vi': <OfficeTab />,
    'may-tiep-nhan': <WorkstationsTab />,
    'can-bo': <OfficersTab />,
    'lich-nghi': <HolidayCalendarTab />,
    'danh-muc': <CatalogueImportTab />,
    'in-an': <PrintingTab />,
  };
  return (
    <div className="settings">
      <Tabs
        activeKey={active}
        onChange={(key) => go({ screen: 'settings', tab: key })}
        items={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          children: active === t.key ? content[t.key] : null,
        }))}
      />
    </div>
  );
}
