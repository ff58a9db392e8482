import { ValidationError } from '../../lib/errors.ts';
import type { MeasureBudgetPort } from '../measures/budget-port.ts';
import { instrumentForLegalBasis } from './codes.ts';
import { commitmentsOf, commitTx, releaseTx, sourceOfKind } from './ledger.ts';

/**
 * The budget side of a measure assignment: the assignment's monthly costs are committed to the
 * integration budget under the instrument of the measure's legal basis, checked against the free amount
 * (409 with the numbers; an override needs budget.override and a reason). Leaving the measure early
 * releases the months from the exit month on.
 */
export const measureBudget: MeasureBudgetPort = {
  async commitAssignment(tx, input) {
    const sourceId = await sourceOfKind(tx, input.tenantId, 'integration');
    if (!sourceId)
      throw new ValidationError([
        {
          field: 'months',
          message: 'Für dieses Jobcenter ist noch kein Eingliederungsbudget angelegt (Budget → Mittelherkunft)',
        },
      ]);
    await commitTx(
      tx,
      { tenantId: input.tenantId, staffId: input.actorStaffId },
      {
        sourceId,
        instrument: instrumentForLegalBasis(input.legalBasis),
        origin: 'measure',
        originRef: input.assignmentId,
        description: `Maßnahmezuweisung (${input.legalBasis})`,
        months: input.months,
        overrideReason: input.overrideReason ?? null,
      },
    );
  },

  async releaseAssignment(tx, input) {
    for (const c of await commitmentsOf(tx, input.tenantId, 'measure', input.assignmentId))
      await releaseTx(tx, { tenantId: input.tenantId, staffId: input.actorStaffId }, c.id, input.fromMonth);
  },
};
