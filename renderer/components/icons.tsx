/**
 * The app's icons, hidden from screen readers. antd's icons name themselves in English ("lock",
 * "scan", "cloud-server") and that name was read aloud inside the Vietnamese names of buttons and
 * fields ("lock Màn hình đã khóa"). Every icon here is decoration beside a text or inside a
 * control named in Vietnamese, so it is aria-hidden. Import icons from here, never from
 * @ant-design/icons (ESLint refuses it); add the ones you need below.
 */
import type { ComponentProps, ComponentType } from 'react';
import {
  ArrowLeftOutlined as AntArrowLeft,
  CheckCircleFilled as AntCheckCircleFilled,
  CheckCircleOutlined as AntCheckCircle,
  CheckOutlined as AntCheck,
  CloseCircleFilled as AntCloseCircleFilled,
  CloseOutlined as AntClose,
  CloudOutlined as AntCloud,
  CloudServerOutlined as AntCloudServer,
  CloudSyncOutlined as AntCloudSync,
  CopyOutlined as AntCopy,
  DeleteOutlined as AntDelete,
  DisconnectOutlined as AntDisconnect,
  DownOutlined as AntDown,
  DownloadOutlined as AntDownload,
  ExclamationCircleFilled as AntExclamationCircleFilled,
  EyeInvisibleOutlined as AntEyeInvisible,
  EyeOutlined as AntEye,
  InfoCircleFilled as AntInfoCircleFilled,
  LoadingOutlined as AntLoading,
  LockOutlined as AntLock,
  LogoutOutlined as AntLogout,
  PlusOutlined as AntPlus,
  PrinterOutlined as AntPrinter,
  QuestionCircleOutlined as AntQuestionCircle,
  ReloadOutlined as AntReload,
  ScanOutlined as AntScan,
  SearchOutlined as AntSearch,
  UploadOutlined as AntUpload,
  WarningFilled as AntWarningFilled,
} from '@ant-design/icons';

type IconProps = ComponentProps<typeof AntLock>;

function hidden(Icon: ComponentType<IconProps>, name: string): ComponentType<IconProps> {
  const Hidden = (props: IconProps) => <Icon aria-hidden {...props} />;
  Hidden.displayName = name;
  return Hidden;
}

export const ArrowLeftOutlined = hidden(AntArrowLeft, 'ArrowLeftOutlined');
export const CheckCircleFilled = hidden(AntCheckCircleFilled, 'CheckCircleFilled');
export const CheckCircleOutlined = hidden(AntCheckCircle, 'CheckCircleOutlined');
export const CheckOutlined = hidden(AntCheck, 'CheckOutlined');
export const CloseCircleFilled = hidden(AntCloseCircleFilled, 'CloseCircleFilled');
export const CloseOutlined = hidden(AntClose, 'CloseOutlined');
export const CloudOutlined = hidden(AntCloud, 'CloudOutlined');
export const CloudServerOutlined = hidden(AntCloudServer, 'CloudServerOutlined');
export const CloudSyncOutlined = hidden(AntCloudSync, 'CloudSyncOutlined');
export const CopyOutlined = hidden(AntCopy, 'CopyOutlined');
export const DeleteOutlined = hidden(AntDelete, 'DeleteOutlined');
export const DisconnectOutlined = hidden(AntDisconnect, 'DisconnectOutlined');
export const DownOutlined = hidden(AntDown, 'DownOutlined');
export const DownloadOutlined = hidden(AntDownload, 'DownloadOutlined');
export const ExclamationCircleFilled = hidden(
  AntExclamationCircleFilled,
  'ExclamationCircleFilled',
);
export const EyeInvisibleOutlined = hidden(AntEyeInvisible, 'EyeInvisibleOutlined');
export const EyeOutlined = hidden(AntEye, 'EyeOutlined');
export const InfoCircleFilled = hidden(AntInfoCircleFilled, 'InfoCircleFilled');
export const LoadingOutlined = hidden(AntLoading, 'LoadingOutlined');
export const LockOutlined = hidden(AntLock, 'LockOutlined');
export const LogoutOutlined = hidden(AntLogout, 'LogoutOutlined');
export const PlusOutlined = hidden(AntPlus, 'PlusOutlined');
export const PrinterOutlined = hidden(AntPrinter, 'PrinterOutlined');
export const QuestionCircleOutlined = hidden(AntQuestionCircle, 'QuestionCircleOutlined');
export const ReloadOutlined = hidden(AntReload, 'ReloadOutlined');
export const ScanOutlined = hidden(AntScan, 'ScanOutlined');
export const SearchOutlined = hidden(AntSearch, 'SearchOutlined');
export const UploadOutlined = hidden(AntUpload, 'UploadOutlined');
export const WarningFilled = hidden(AntWarningFilled, 'WarningFilled');

/**
 * The icons antd draws inside its own components (the arrow of a Select, the clear button, an
 * Alert's or a confirm box's sign, a dialog's or an alert's close cross, a button's spinner, a
 * password's eye), given once to the ConfigProvider (root.tsx) in their hidden form.
 */
export const ANTD_ICONS = {
  select: { suffixIcon: <DownOutlined />, clearIcon: <CloseCircleFilled /> },
  alert: {
    closeIcon: <CloseOutlined />,
    successIcon: <CheckCircleFilled />,
    infoIcon: <InfoCircleFilled />,
    warningIcon: <ExclamationCircleFilled />,
    errorIcon: <CloseCircleFilled />,
  },
  modal: {
    closeIcon: <CloseOutlined />,
    successIcon: <CheckCircleFilled />,
    infoIcon: <InfoCircleFilled />,
    warningIcon: <ExclamationCircleFilled />,
    errorIcon: <CloseCircleFilled />,
  },
  button: { loadingIcon: <LoadingOutlined /> },
  inputPassword: {
    iconRender: (visible: boolean) => (visible ? <EyeOutlined /> : <EyeInvisibleOutlined />),
  },
} as const;

/**
 * A searchable Select's icon while it is open (antd draws its own English-named "search" there;
 * the ConfigProvider cannot give it without making every Select searchable): spread into the
 * Select's showSearch object.
 */
export const SELECT_SEARCH = { searchIcon: <SearchOutlined /> };

/** Typography's copy button (copyable): its icons, hidden; the button keeps antd's "Sao chép". */
export const COPYABLE = { icon: [<CopyOutlined key="copy" />, <CheckOutlined key="copied" />] };
