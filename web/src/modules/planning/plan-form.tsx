import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import {
  KLDB_COMMON,
  OBSTACLE_LABELS,
  OBSTACLES,
  STEP_OWNER_LABELS,
  STEP_OWNERS,
} from '../../../../src/modules/planning/codes.ts';
import { isKldbCode, kldbLabel, latestReviewDate, planKindOn } from '../../../../src/modules/planning/rules.ts';
import { Button } from '../../components/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/error-summary.tsx';
import { Checkbox, CheckboxGroup, FieldError, SelectField, TextField } from '../../components/fields.tsx';
import { type ApiError, api, isApiError } from '../../lib/api.ts';
import { formatDate, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { SaveFailure } from '../people/feedback.tsx';
import { type PlanningView, planningKeys } from './api.ts';
import { TextArea } from './textarea.tsx';

const p = t.planning;

interface StepValues {
  description: string;
  owner: string;
  dueDate: string;
  doneOn: string;
}
interface PlanFormValues {
  planDate: string;
  reviewDate: string;
  strengths: string;
  skills: string;
  obstacles: string[];
  obstacleNote: string;
  goal: string;
  customerWords: string;
  steps: StepValues[];
}

const emptyStep: StepValues = { description: '', owner: '', dueDate: '', doneOn: '' };

const FIELD_LABELS: Record<string, string> = {
  planDate: p.planDate,
  reviewDate: p.reviewDate,
  strengths: p.strengths,
  skills: p.skills,
  obstacles: p.obstacles,
  obstacleNote: p.obstacleNote,
  goal: p.goal,
  targetOccupations: p.occupations,
  customerWords: p.customerWords,
  steps: p.steps,
};
const STEP_LABELS: Record<string, string> = {
  description: p.stepDescription,
  owner: p.owner,
  dueDate: p.dueDate,
  doneOn: p.doneOn,
};

/** "steps.1.owner" → "Schritt 2 – Zuständig"; "targetOccupations.0" → "Zielberufe …". */
function labelFor(field: string): string {
  const [root, index, leaf] = field.split('.');
  if (root === 'steps' && index !== undefined && leaf) return `${p.step(Number(index) + 1)} – ${STEP_LABELS[leaf] ?? leaf}`;
  return FIELD_LABELS[root ?? ''] ?? field;
}

/** Saves the potential analysis and plan as a new version (PUT …/plan with the version the page showed). */
export function PlanForm({ view, onDone }: { view: PlanningView; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const current = view.plan?.current;
  const today = todayIso();
  const [version] = useState(view.plan?.version ?? 0);
  const [codes, setCodes] = useState<string[]>(current?.targetOccupations.map((o) => o.code) ?? []);
  const [occupationInput, setOccupationInput] = useState('');
  const [occupationError, setOccupationError] = useState<string>();
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const { register, control, handleSubmit, watch, formState } = useForm<PlanFormValues>({
    defaultValues: current
      ? {
          planDate: today,
          reviewDate: latestReviewDate(today),
          strengths: current.strengths ?? '',
          skills: current.skills ?? '',
          obstacles: current.obstacles,
          obstacleNote: current.obstacleNote ?? '',
          goal: current.goal,
          customerWords: current.customerWords ?? '',
          steps: current.steps.map((s) => ({
            description: s.description,
            owner: s.owner,
            dueDate: s.dueDate,
            doneOn: s.doneOn ?? '',
          })),
        }
      : {
          planDate: today,
          reviewDate: latestReviewDate(today),
          strengths: '',
          skills: '',
          obstacles: [],
          obstacleNote: '',
          goal: '',
          customerWords: '',
          steps: [{ ...emptyStep }],
        },
    shouldFocusError: false,
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'steps' });
  const planDate = watch('planDate');
  const kind = /^\d{4}-\d{2}-\d{2}$/.test(planDate) ? planKindOn(planDate).label : '';
  const err = (field: string) => problems.find((x) => x.field === field)?.message;

  const addOccupation = () => {
    const code = occupationInput.trim().slice(0, 5);
    if (!isKldbCode(code)) {
      setOccupationError(p.occupationInvalid);
      return;
    }
    setOccupationError(undefined);
    setCodes((list) => (list.includes(code) ? list : [...list, code]));
    setOccupationInput('');
  };

  const onSubmit = async (v: PlanFormValues) => {
    setFailure(undefined);
    setProblems([]);
    try {
      await api.put(`/api/planning/persons/${encodeURIComponent(view.person.id)}/plan`, {
        version,
        planDate: v.planDate,
        reviewDate: v.reviewDate,
        strengths: v.strengths,
        skills: v.skills,
        obstacles: v.obstacles || [],
        obstacleNote: v.obstacleNote,
        goal: v.goal,
        targetOccupations: codes,
        customerWords: v.customerWords,
        steps: v.steps.map((s) => ({
          description: s.description,
          owner: s.owner || null,
          dueDate: s.dueDate || null,
          doneOn: s.doneOn || null,
        })),
      });
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
      onDone(p.planSaved);
    } catch (e) {
      const list = isApiError(e) && (e as ApiError).status === 422 ? (e as ApiError).errors : [];
      if (list.length) setProblems(list.map((x) => ({ field: x.field, label: labelFor(x.field), message: x.message })));
      else setFailure(e);
      setAttempt((n) => n + 1);
    }
  };

  return (
    <form
      className="kern-stack form-width"
      onSubmit={handleSubmit(onSubmit)}
      noValidate
      aria-label={view.plan ? p.editPlan : p.newPlan}
    >
      {failure !== undefined && (
        <SaveFailure
          error={failure}
          keepText={t.errors.conflictKeep}
          onReload={async () => {
            await queryClient.invalidateQueries({ queryKey: planningKeys.person(view.person.id) });
            onDone('');
          }}
        />
      )}
      <ErrorSummary items={problems} focusKey={attempt} />
      <TextField
        label={p.planDate}
        type="date"
        hint={kind ? `${kind}. ${p.kindHint}` : p.kindHint}
        error={err('planDate')}
        {...register('planDate')}
      />
      <TextField label={p.reviewDate} type="date" hint={p.reviewDateHint} error={err('reviewDate')} {...register('reviewDate')} />
      <h3 className="kern-heading-small">{p.potential}</h3>
      <TextArea label={p.strengths} optional error={err('strengths')} {...register('strengths')} />
      <TextArea label={p.skills} optional error={err('skills')} {...register('skills')} />
      <CheckboxGroup legend={p.obstacles} name="obstacles" optional horizontal error={err('obstacles')}>
        {OBSTACLES.map((o) => (
          <Checkbox key={o} label={OBSTACLE_LABELS[o]} value={o} {...register('obstacles')} />
        ))}
      </CheckboxGroup>
      <TextArea label={p.obstacleNote} optional error={err('obstacleNote')} {...register('obstacleNote')} />
      <TextArea label={p.goal} error={err('goal')} {...register('goal')} />
      <fieldset className="kern-fieldset" id="feld-targetOccupations">
        <legend className="kern-label">
          {p.occupations} <span className="kern-label__optional">{t.common.optional}</span>
        </legend>
        {codes.length ? (
          <ul className="kern-list">
            {codes.map((code, i) => (
              <li key={code}>
                <span className="mono">{code}</span> {kldbLabel(code)}{' '}
                <Button variant="tertiary" onClick={() => setCodes((list) => list.filter((c) => c !== code))}>
                  {p.removeOccupation(`${code} ${kldbLabel(code)}`)}
                </Button>
                <FieldError id={`feld-targetOccupations-${i}`} error={err(`targetOccupations.${i}`)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">{p.noOccupations}</p>
        )}
        <TextField
          label={p.occupationSearch}
          name="occupationSearch"
          hint={p.occupationSearchHint}
          list="kldb-liste"
          optional
          quiet
          value={occupationInput}
          error={occupationError}
          onChange={(e) => setOccupationInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addOccupation();
            }
          }}
        />
        <datalist id="kldb-liste">
          {KLDB_COMMON.map((o) => (
            <option key={o.code} value={`${o.code} ${kldbLabel(o.code)}`} />
          ))}
        </datalist>
        <div>
          <Button variant="secondary" onClick={addOccupation}>
            {p.addOccupation}
          </Button>
        </div>
      </fieldset>
      <TextArea
        label={p.customerWords}
        hint={p.customerWordsHint}
        optional
        error={err('customerWords')}
        {...register('customerWords')}
      />
      <h3 className="kern-heading-small" id="feld-steps">
        {p.steps}
      </h3>
      {err('steps') && <FieldError id="feld-steps-liste" error={err('steps')} />}
      {fields.map((f, i) => (
        <fieldset key={f.id} className="kern-fieldset step-fieldset">
          <legend className="kern-label">{p.step(i + 1)}</legend>
          <TextField label={p.stepDescription} error={err(`steps.${i}.description`)} {...register(`steps.${i}.description`)} />
          <SelectField label={p.owner} error={err(`steps.${i}.owner`)} {...register(`steps.${i}.owner`)}>
            <option value="">{t.common.pleaseChoose}</option>
            {STEP_OWNERS.map((o) => (
              <option key={o} value={o}>
                {STEP_OWNER_LABELS[o]}
              </option>
            ))}
          </SelectField>
          <TextField label={p.dueDate} type="date" error={err(`steps.${i}.dueDate`)} {...register(`steps.${i}.dueDate`)} />
          <TextField label={p.doneOn} type="date" optional error={err(`steps.${i}.doneOn`)} {...register(`steps.${i}.doneOn`)} />
          {fields.length > 1 && (
            <div>
              <Button variant="tertiary" onClick={() => remove(i)}>
                {p.removeStep(i + 1)}
              </Button>
            </div>
          )}
        </fieldset>
      ))}
      <div>
        <Button variant="secondary" onClick={() => append({ ...emptyStep })}>
          {p.addStep}
        </Button>
      </div>
      <div className="button-row">
        <Button type="submit" busy={formState.isSubmitting}>
          {p.savePlan}
        </Button>
        <Button variant="secondary" onClick={() => onDone('')}>
          {t.common.cancel}
        </Button>
      </div>
      {current && <p className="kern-body kern-body--small">{p.planOf(current.label, formatDate(current.planDate))}</p>}
    </form>
  );
}
