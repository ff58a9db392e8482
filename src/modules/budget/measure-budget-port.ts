// The interface the measures module calls (copied from the measures branch's contract; the lead points
// this import at measures' own file at merge).
import type { AppTx } from '../../db/client.ts';
export interface MeasureCostMonth {
  month: string /* YYYY-MM */;
  cents: number;
}
export interface MeasureBudgetPort {
  commitAssignment(
    tx: AppTx,
    input: {
      tenantId: string;
      assignmentId: string;
      measureId: string;
      legalBasis: string;
      months: MeasureCostMonth[];
      actorStaffId: string;
      overrideReason?: string;
    },
  ): Promise<void>;
  releaseAssignment(
    tx: AppTx,
    input: { tenantId: string; assignmentId: string; fromMonth: string; actorStaffId: string },
  ): Promise<void>;
}
