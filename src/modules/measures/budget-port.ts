import type { AppTx } from '../../db/client.ts';

/**
 * The measures module's hook for the budget module (#7): called inside the assignment's transaction, so a
 * budget refusal (e.g. a warning the user must override) rolls the whole assignment back and its error
 * reaches the user. The budget module implements it and is injected via measuresService(db, { budget }).
 */
export interface MeasureCostMonth {
  month: string /* YYYY-MM */;
  cents: number;
}
export interface MeasureBudgetPort {
  /** A paid place is taken (on entry) or its planned months change: commit the cost schedule. */
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
  /** The assignment ended early or was cancelled: release committed months from `fromMonth` on. */
  releaseAssignment(
    tx: AppTx,
    input: { tenantId: string; assignmentId: string; fromMonth: string; actorStaffId: string },
  ): Promise<void>;
}
export const noBudget: MeasureBudgetPort = { async commitAssignment() {}, async releaseAssignment() {} };
