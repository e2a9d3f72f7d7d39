/**
 * Hồ sơ: everything about one dossier, its timeline, and its actions, each one API call (one
 * event): Bàn giao, Đơn vị nhận hồ sơ, Yêu cầu bổ sung / Đã nhận bổ sung, Nhận kết quả, Trả kết
 * quả, Rút hồ sơ, Xin lỗi và hẹn lại, In lại any slip (marked "Bản in lại"). The parts are in
 * dossier/: the header and action bar, the summary cards, the timeline, the action dialogs.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Col, Row, Spin } from 'antd';
import { ArrowLeftOutlined } from '../components/icons';
import type { DossierDetail, SyncConflictItem } from '../../shared/api/schemas';
import type { PrintForm } from '../../shared/print/forms';
import { call, toApiError } from '../api/client';
import { PrintDialog, type PrintJob } from '../components/PrintDialog';
import { useHotkeys } from '../lib/hotkeys';
import { toProcedurePick } from '../lib/procedure';
import { useReception } from '../stores/receptionDraft';
import { useRoute } from '../stores/route';
import { useSession } from '../stores/session';
import { ActionDialog } from './dossier/ActionDialog';
import { allowedActions, printableForms, type ActionKind } from './dossier/actions';
import { applicantDraftOf } from './dossier/applicant';
import { CalendarReviewAlert } from './dossier/CalendarReviewAlert';
import { ConflictDecisionDialog } from './dossier/ConflictDecisionDialog';
import { RESOLVE_CONFLICT_KEYS, SyncConflictAlert } from './dossier/SyncConflictAlert';
import { ActionBar, DossierHeader } from './dossier/DossierHeader';
import {
  ApplicantCard,
  ComponentsCard,
  DossierInfoCard,
  ProcessCard,
} from './dossier/DossierSummary';
import { PrintHistoryCard, TimelineCard } from './dossier/Timeline';

export function DossierScreen({ id }: { id: string }) {
  const go = useRoute((s) => s.go);
  const role = useSession((s) => s.session?.officer.role ?? 'officer');
  const locked = useSession((s) => s.session?.locked ?? false);
  const [d, setD] = useState<DossierDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [action, setAction] = useState<ActionKind | null>(null);
  const [printJob, setPrintJob] = useState<PrintJob | null>(null);
  const [conflict, setConflict] = useState<SyncConflictItem | null>(null);

  const load = useCallback(async () => {
    try {
      setD(await call('dossiers.get', { id }));
      setError(null);
    } catch (err) {
      setError(toApiError(err).message);
    }
  }, [id]);

  useEffect(() => {
    setD(null);
    void load();
  }, [load]);

  /** The applicant of a counter supplement request came back: receive it on the reception screen. */
  const receiveAfterSupplement = async () => {
    if (!d || d.state !== 'supplement_requested' || !d.procedureId) return;
    try {
      const pick = toProcedurePick(await call('procedures.get', { id: d.procedureId }));
      const r = useReception.getState();
      r.newReception();
      r.selectProcedure(pick);
      if (d.caseLabel) r.setCase(d.caseLabel);
      r.setApplicant(applicantDraftOf(d));
      r.set({ fromSupplementRequestId: d.id });
      go({ screen: 'reception' });
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  const actions = d ? allowedActions(d, role) : [];
  const forms = d ? printableForms(d) : [];
  /**
   * Print a slip: the core marks it "Bản in lại" when that form was printed before, so the first
   * control slip or 80 mm slip printed from here is an original.
   */
  const print = (form: PrintForm) => {
    if (d) setPrintJob({ dossierId: d.id, form });
  };
  const keys = Object.fromEntries(actions.map((a) => [a.keys, () => setAction(a.kind)]));
  const decides = role !== 'officer';
  const firstOpen = d?.syncConflicts.find((c) => c.resolution === null) ?? null;
  if (decides && firstOpen) keys[RESOLVE_CONFLICT_KEYS] = () => setConflict(firstOpen);
  useHotkeys(
    {
      ...keys,
      ...(d?.state === 'supplement_requested'
        ? { 'Alt+S': () => void receiveAfterSupplement() }
        : {}),
      Escape: () => go({ screen: 'board' }),
      'Ctrl+P': () => {
        if (forms[0]) print(forms[0]);
      },
    },
    action === null && printJob === null && conflict === null && !locked,
  );

  if (error) {
    return (
      <div className="detail">
        <Button icon={<ArrowLeftOutlined />} onClick={() => go({ screen: 'board' })}>
          Theo dõi hồ sơ
        </Button>
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />
      </div>
    );
  }
  if (!d) {
    return (
      <div className="center-screen">
        <Spin description="Đang tải hồ sơ…" />
      </div>
    );
  }

  return (
    <div className="detail">
      <DossierHeader d={d} onBack={() => go({ screen: 'board' })} />
      <ActionBar
        d={d}
        actions={actions}
        forms={forms}
        onAction={setAction}
        onReceiveAfterSupplement={() => void receiveAfterSupplement()}
        onPrint={print}
      />
      {d.calendarReview ? (
        <CalendarReviewAlert
          review={d.calendarReview}
          decides={decides}
          onApology={() => setAction('apology')}
          onKeep={() => setAction('keepAppointment')}
        />
      ) : null}
      <SyncConflictAlert conflicts={d.syncConflicts} decides={decides} onResolve={setConflict} />

      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <DossierInfoCard d={d} />
          <ApplicantCard d={d} />
          <ComponentsCard d={d} />
          <ProcessCard d={d} />
        </Col>
        <Col xs={24} xl={9}>
          <TimelineCard d={d} />
          <PrintHistoryCard d={d} />
        </Col>
      </Row>

      <ActionDialog
        kind={action}
        dossier={d}
        onClose={() => setAction(null)}
        onDone={async (kind, printForm) => {
          setAction(null);
          await load();
          if (printForm) setPrintJob({ dossierId: d.id, form: printForm });
          void kind;
        }}
      />
      <ConflictDecisionDialog
        conflict={conflict}
        dueAt={d.dueAt}
        onClose={() => setConflict(null)}
        onDone={async (printApology) => {
          setConflict(null);
          await load();
          if (printApology) setPrintJob({ dossierId: d.id, form: 'apology' });
        }}
      />
      <PrintDialog job={printJob} onClose={() => setPrintJob(null)} onPrinted={() => void load()} />
    </div>
  );
}
