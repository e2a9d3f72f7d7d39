/** Print data for the template tests: a real-looking receipt of 20/11/2019 at 08:37. */
import type { PrintData, PrintForm, PrintOptions } from '../../shared/print';

export const CODE = '000.00.00.H34-191120-0007';

export function receiptData(overrides: Partial<PrintData> = {}): PrintData {
  return {
    office: {
      parentName: 'UBND tỉnh Khánh Hòa',
      unitName: 'Trung tâm Phục vụ hành chính công',
      placeName: 'Khánh Hòa',
      unitCode: '000.00.00.H34',
    },
    dossier: {
      code: CODE,
      applicant: {
        kind: 'citizen',
        name: 'Nguyễn Thị Hồng Nhung',
        idNumber: '056190001234',
        idKind: 'cccd',
        address: 'Số 12 đường Trần Phú, phường Lộc Thọ, tỉnh Khánh Hòa',
        phone: '0905 123 456',
        email: 'hongnhung@example.vn',
      },
      procedure: {
        name: 'Giải quyết hưởng trợ cấp thất nghiệp',
        code: '1.000401',
        field: 'Việc làm',
        agency: 'Sở Nội vụ tỉnh Khánh Hòa',
        cooperatingAgencies: ['Bảo hiểm xã hội tỉnh Khánh Hòa'],
      },
      components: [
        {
          name: 'Đề nghị hưởng trợ cấp thất nghiệp (Mẫu số 03)',
          originals: 1,
          certifiedCopies: 0,
          copies: 0,
        },
        {
          name: 'Quyết định thôi việc',
          originals: 0,
          certifiedCopies: 2,
          copies: 0,
          note: 'bản sao có chứng thực',
        },
        { name: 'Sổ bảo hiểm xã hội', originals: 1, certifiedCopies: 0, copies: 3 },
        {
          name: 'Căn cước công dân',
          originals: 1,
          certifiedCopies: 0,
          copies: 0,
          presentOnly: true,
        },
      ],
      sets: 1,
      legalTime: '20 ngày làm việc',
      receivedAt: '2019-11-20T08:37',
      dueAt: '2019-12-18T08:37',
      resultDelivery: { method: 'counter' },
      fee: 0,
      bookNo: 3,
      entryNo: 127,
      officerName: 'Trần Văn Bình',
    },
    printedAt: '2019-11-20T08:41',
    ...overrides,
  };
}

export const FONT_CSS_STUB = '/* fonts */';

export function a4(extra: Partial<PrintOptions> = {}): PrintOptions {
  return { paper: 'A4', fontCss: FONT_CSS_STUB, ...extra };
}

/** A dossier that is not received yet: supplement request or refusal at the counter. */
export function counterData(overrides: Partial<PrintData> = {}): PrintData {
  const base = receiptData();
  return {
    ...base,
    dossier: {
      ...base.dossier,
      code: null,
      receivedAt: null,
      dueAt: null,
      bookNo: undefined,
      entryNo: undefined,
    },
    printedAt: '2019-11-19T15:05',
    ...overrides,
  };
}

export function supplementData(): PrintData {
  return counterData({
    supplement: {
      docNo: '2-014/HDHS',
      missing: [
        {
          name: 'Quyết định thôi việc',
          originals: 0,
          certifiedCopies: 1,
          copies: 0,
          note: 'bản đã nộp là bản photo, chưa chứng thực',
        },
        { name: 'Sổ bảo hiểm xã hội', originals: 1, certifiedCopies: 0, copies: 0 },
      ],
      reason: 'Hồ sơ còn thiếu quyết định thôi việc có chứng thực và sổ bảo hiểm xã hội bản chính.',
      guidance: { officerName: 'Trần Văn Bình', phone: '0258 3822 111' },
    },
  });
}

export function refusalData(): PrintData {
  return counterData({
    refusal: {
      docNo: '2-003/TCHS',
      reason:
        'Người lao động đã có việc làm mới trước khi nộp hồ sơ, không thuộc đối tượng hưởng trợ cấp thất nghiệp.',
    },
  });
}

export function apologyData(): PrintData {
  return receiptData({
    apology: {
      docNo: '1/PXL',
      originalDueAt: '2019-12-18T08:37',
      reason: 'Cần xác minh thêm thời gian đóng bảo hiểm thất nghiệp với cơ quan bảo hiểm xã hội.',
      newDueAt: '2019-12-24T08:37',
      agencyName: 'Sở Nội vụ tỉnh Khánh Hòa',
      signerTitle: 'Giám đốc',
      signerName: 'Lê Minh Tuấn',
    },
    printedAt: '2019-12-17T10:15',
  });
}

export function controlSlipData(): PrintData {
  return receiptData({
    controlSlip: {
      handovers: [
        {
          fromUnit: 'Trung tâm Phục vụ hành chính công',
          toUnit: 'Phòng Lao động - Việc làm',
          at: '2019-11-20T15:10',
          result: 'trước hạn',
          fromPerson: 'Trần Văn Bình',
          toPerson: 'Phạm Thu Hà',
        },
        {
          fromUnit: 'Phòng Lao động - Việc làm',
          toUnit: 'Trung tâm Phục vụ hành chính công',
          at: '2019-12-17T16:30',
          result: 'quá hạn',
          note: 'Chờ xác minh với cơ quan bảo hiểm xã hội',
        },
      ],
      blankRows: 1,
    },
    printedAt: '2019-12-17T16:45',
  });
}

const withCode = (data: PrintData): PrintData => ({
  ...data,
  dossier: { ...data.dossier, code: CODE },
});

/**
 * A filled-in example of every form, each with the dossier code (a supplement request or refusal
 * made at the counter has none yet, and prints no codes). A new form does not compile until it
 * has one here.
 */
export const codedFormData: Record<PrintForm, () => PrintData> = {
  receipt: receiptData,
  supplement_request: () => withCode(supplementData()),
  refusal: () => withCode(refusalData()),
  apology: apologyData,
  control_slip: controlSlipData,
  appointment_slip: receiptData,
};
