/**
 * Cài đặt: đơn vị và giờ làm việc; máy tiếp nhận; cán bộ; lịch nghỉ lễ; danh mục thủ tục (nhập từ
 * tệp JSON, báo lỗi từng thủ tục); máy in và khổ giấy; đồng bộ; dữ liệu trên máy. One tab a module
 * in settings/; only the open tab is mounted (and loads what it shows). The administrator sees
 * every tab; other officers only Đồng bộ (the status and the refused events).
 */
import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import type { Role } from '../../shared/api/schemas';
import { useRoute } from '../stores/route';
import { CatalogueImportTab } from './settings/CatalogueImportTab';
import { DataTab } from './settings/DataTab';
import { HolidayCalendarTab } from './settings/HolidayCalendarTab';
import { OfficersTab } from './settings/OfficersTab';
import { OfficeTab } from './settings/OfficeTab';
import { PrintingTab } from './settings/PrintingTab';
import { SyncTab } from './settings/SyncTab';
import { WorkstationsTab } from './settings/WorkstationsTab';
import { SETTINGS_TABS, type SettingsTabKey } from './settings/tabs';

export function SettingsScreen({ tab, role }: { tab: string; role: Role }) {
  const go = useRoute((s) => s.go);
  const tabs = SETTINGS_TABS.filter((t) => role === 'admin' || ('everyone' in t && t.everyone));
  const active = tabs.some((t) => t.key === tab) ? tab : (tabs[0]?.key ?? 'dong-bo');
  const content: Record<SettingsTabKey, ReactNode> = {
    'don-vi': <OfficeTab />,
    'may-tiep-nhan': <WorkstationsTab />,
    'can-bo': <OfficersTab />,
    'lich-nghi': <HolidayCalendarTab />,
    'danh-muc': <CatalogueImportTab />,
    'in-an': <PrintingTab />,
    'dong-bo': <SyncTab />,
    'du-lieu': <DataTab />,
  };
  return (
    <div className="settings">
      <Tabs
        activeKey={active}
        onChange={(key) => go({ screen: 'settings', tab: key })}
        items={tabs.map((t) => ({
          key: t.key,
          label: t.label,
          children: active === t.key ? content[t.key] : null,
        }))}
      />
    </div>
  );
}
