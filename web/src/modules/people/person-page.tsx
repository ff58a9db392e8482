import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound } from '@tanstack/react-router';
import { type ReactNode, startTransition, useRef, useState } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { type ApiError, api } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { teamsQuery } from '../admin/api.ts';
import { PersonMeasures } from '../measures/person-measures.tsx';
import { PlanningSummary } from '../planning/person-summary.tsx';
import { fullName, isUuid, type PersonRecord, PURPOSES, type Purpose, peopleKeys, personQuery } from './api.ts';
import { isConflict, SaveFailure, StatusMessage } from './feedback.tsx';
import { type EditorState, HistorySection, MembershipsSection, TimelineSection } from './history.tsx';
import { periodText, roleLabel, sexLabel, statusKindLabel } from './labels.ts';
import {
  PERSON_FIELDS,
  PERSON_LABELS,
  PersonFields,
  type PersonFieldValues,
  personBody,
  toPersonValues,
} from './person-fields.tsx';

export const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'personen/$personId',
  beforeLoad: requirePermission('person.read'),
  loader: async ({ context, params }) => {
    if (!isUuid(params.personId)) throw notFound();
    await context.queryClient.fetchQuery(personQuery(params.personId));
  },
  component: PersonPage,
});

function PersonPage() {
  const { personId } = personRoute.useParams();
  const { session } = personRoute.useRouteContext();
  const queryClient = useQueryClient();
  const [purpose, setPurpose] = useState<Purpose>('casework');
  const { data: record } = useSuspenseQuery(personQuery(personId, purpose));
  // team names for the team assignment form (not social data; only the caller's own teams)
  const teams = useQuery({ ...teamsQuery, enabled: can(session, 'person.write') && can(session, 'org.read') });
  const [active, setActive] = useState<string | null>(null);
  const editor: EditorState = { active, setActive };
  const reload = () => queryClient.fetchQuery({ ...personQuery(personId, purpose), staleTime: 0 });

  const households = new Map<string, string>();
  if (record.household) households.set(record.household.id, record.household.number);
  for (const m of record.memberships) households.set(m.householdId, m.householdNumber);
  const teamChoices = (teams.data ?? []).filter((team) => team.active).map((team) => ({ id: team.id, name: team.name }));
  for (const a of record.teamAssignments)
    if (!teamChoices.some((x) => x.id === a.teamId)) teamChoices.push({ id: a.teamId, name: a.teamName });
  const history = {
    record,
    households: [...households].map(([id, number]) => ({ id, number })),
    teams: teamChoices,
    editor,
    reload,
  };

  return (
    <div className="kern-stack-lg">
      <PersonHeader record={record} />
      {can(session, 'subsidy.read') && (
        <p className="kern-body">
          <Link to="/personen/$personId/foerderung" params={{ personId }} className="kern-link">
            § 16i/§ 16e prüfen
          </Link>
        </p>
      )}
      <PurposeForm
        purpose={purpose}
        onChange={(p) => {
          setActive(null);
          startTransition(() => setPurpose(p));
        }}
      />
      <div className="card-grid">
        <MasterData record={record} canWrite={can(session, 'person.write')} editor={editor} reload={reload} />
        <HouseholdCard record={record} />
      </div>
      <PlanningSummary personId={personId} />
      <HistorySection kind="benefit" canWrite={can(session, 'benefit.write')} {...history} />
      <HistorySection kind="status" canWrite={can(session, 'person.write')} {...history} />
      <HistorySection kind="team" canWrite={can(session, 'person.write')} {...history} />
      <HistorySection kind="employment" canWrite={can(session, 'person.write')} {...history} />
      <MembershipsSection record={record} />
      {can(session, 'assignment.read') && <PersonMeasures personId={personId} canWrite={can(session, 'assignment.write')} />}
      <TimelineSection timeline={record.timeline} />
    </div>
  );
}

// ---------------------------------------------------------------- header

function Badge({ children, variant = 'info', long }: { children: string; variant?: 'info' | 'warning'; long?: string }) {
  return (
    <li className={`kern-badge kern-badge--${variant}`}>
      <span className="kern-label">
        {long ? (
          <>
            <span aria-hidden="true">{children}</span>
            <span className="sr-extra">{long}</span>
          </>
        ) : (
          children
        )}
      </span>
    </li>
  );
}

function PersonHeader({ record }: { record: PersonRecord }) {
  const { person, facts, current } = record;
  const f = t.people.facts;
  const statuses = Object.entries(current);
  return (
    <div className="kern-stack">
      <PageTitle title={fullName(person)}>
        <p className="kern-body kern-body--large person-meta">
          {t.people.customerNumber} <span className="mono">{person.customerNumber}</span> ·{' '}
          {t.people.bornOn(formatDate(person.birthDate), t.people.age(facts.age))}
          {person.teamName && ` · ${person.teamName}`}
        </p>
      </PageTitle>
      <div className="kern-stack-sm">
        {facts.elb || facts.longTermRecipient || facts.singleParent || facts.u25 ? (
          <ul className="badge-list" aria-label={t.people.factsOn(formatDate(facts.day))}>
            {facts.elb && <Badge long={f.elbLong}>{f.elb}</Badge>}
            {facts.longTermRecipient && <Badge long={`${f.lzbLong} (${f.lzb})`}>{f.lzb}</Badge>}
            {facts.singleParent && <Badge>{f.singleParent}</Badge>}
            {facts.u25 && <Badge long={f.u25Long}>{f.u25}</Badge>}
          </ul>
        ) : (
          <p className="kern-body">{t.people.noFacts}</p>
        )}
        {statuses.length > 0 && (
          <ul className="badge-list" aria-label={t.people.currentStatus}>
            {statuses.map(([kind, s]) => (
              <Badge
                key={kind}
                variant="warning"
              >{`${statusKindLabel(kind)}: ${s?.label ?? ''}${s?.detail ? ` (${s.detail})` : ''}`}</Badge>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function PurposeForm({ purpose, onChange }: { purpose: Purpose; onChange: (p: Purpose) => void }) {
  const [choice, setChoice] = useState<Purpose>(purpose);
  return (
    <form
      className="purpose-form"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(choice);
      }}
    >
      <SelectField
        label={t.people.purpose}
        hint={t.people.purposeHint}
        name="purpose"
        value={choice}
        onChange={(e) => setChoice(e.currentTarget.value as Purpose)}
      >
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {t.people.purposes[p]}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" variant="secondary">
          {t.people.purposeApply}
        </Button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------- master data

type MasterValues = PersonFieldValues & { version: number };

const toMaster = (p: PersonRecord['person']): MasterValues => ({ ...toPersonValues(p), version: p.version });

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children || t.common.none}</dd>
    </div>
  );
}

function MasterData({
  record,
  canWrite,
  editor,
  reload,
}: {
  record: PersonRecord;
  canWrite: boolean;
  editor: EditorState;
  reload: () => Promise<PersonRecord>;
}) {
  const queryClient = useQueryClient();
  const p = record.person;
  const editing = editor.active === 'master';
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);
  const address = [p.street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <section className="kern-card card-section" aria-labelledby="stammdaten">
      <div className="kern-card__container kern-stack">
        <h2 id="stammdaten" className="kern-heading-medium">
          {t.people.masterData}
        </h2>
        <StatusMessage text={message} ref={messageRef} />
        {editing ? (
          <MasterForm
            initial={toMaster(p)}
            onSaved={async () => {
              await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
              editor.setActive(null);
              setMessage(t.people.masterSaved);
              requestAnimationFrame(() => messageRef.current?.focus());
            }}
            onCancel={() => {
              editor.setActive(null);
              requestAnimationFrame(() => document.getElementById('stammdaten-bearbeiten')?.focus());
            }}
            reload={async () => toMaster((await reload()).person)}
          />
        ) : (
          <>
            <dl className="kern-description-list">
              <Item label={t.people.customerNumber}>{p.customerNumber}</Item>
              <Item label={t.people.lastName}>{p.familyName}</Item>
              <Item label={t.people.givenNames}>{p.givenNames}</Item>
              <Item label={t.people.birthDate}>{formatDate(p.birthDate)}</Item>
              <Item label={t.people.sex}>{sexLabel(p.sex)}</Item>
              <Item label={t.people.nationality}>{p.nationality}</Item>
              <Item label={t.people.phone}>{p.phone}</Item>
              <Item label={t.people.email}>{p.email}</Item>
              <Item label={t.people.address}>{address}</Item>
            </dl>
            {canWrite && (
              <div>
                <Button
                  variant="secondary"
                  icon="edit"
                  id="stammdaten-bearbeiten"
                  onClick={() => {
                    setMessage(undefined);
                    editor.setActive('master');
                  }}
                >
                  {t.people.editMasterData}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}

function MasterForm({
  initial,
  onSaved,
  onCancel,
  reload,
}: {
  initial: MasterValues;
  onSaved: () => Promise<void>;
  onCancel: () => void;
  reload: () => Promise<MasterValues>;
}) {
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<MasterValues>({ defaultValues: initial, shouldFocusError: false });
  const personId = personRoute.useParams().personId;

  const onSubmit = async (v: MasterValues) => {
    setFailure(undefined);
    try {
      await api.patch(`/api/people/persons/${personId}`, { ...personBody(v), version: v.version });
      await onSaved();
    } catch (e) {
      if (!applyServerErrors(e, setError, PERSON_FIELDS)) setFailure(e);
    }
  };
  const changed = isConflict(failure) ? (failure as ApiError).problem.changedFields : undefined;
  const changedLabels = Array.isArray(changed)
    ? changed.map((f) => PERSON_LABELS[f as keyof typeof PERSON_LABELS] ?? String(f)).join(', ')
    : '';

  return (
    <div className="kern-stack">
      {failure !== undefined && (
        <SaveFailure
          error={failure}
          keepText={t.errors.conflictKeep}
          onReload={async () => {
            reset(await reload());
            setFailure(undefined);
          }}
        >
          {changedLabels && (
            <p className="kern-body" data-testid="geaenderte-felder">
              {t.people.changedFields(changedLabels)}
            </p>
          )}
        </SaveFailure>
      )}
      <ErrorSummary items={summaryItems(errors, PERSON_LABELS)} focusKey={submitCount} />
      <form className="kern-stack" onSubmit={handleSubmit(onSubmit)} noValidate aria-label={t.people.editMasterData}>
        <PersonFields register={register as unknown as UseFormRegister<PersonFieldValues>} errors={errors} />
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.common.save}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}

// ---------------------------------------------------------------- household

function HouseholdCard({ record }: { record: PersonRecord }) {
  const h = record.household;
  return (
    <section className="kern-card card-section" aria-labelledby="bedarfsgemeinschaft">
      <div className="kern-card__container kern-stack">
        <h2 id="bedarfsgemeinschaft" className="kern-heading-medium">
          {t.people.household}
        </h2>
        {!h ? (
          <p className="kern-body">{t.people.noHousehold}</p>
        ) : (
          <>
            <dl className="kern-description-list">
              <Item label={t.people.householdNumber}>
                <Link to="/bedarfsgemeinschaften/$householdId" params={{ householdId: h.id }} className="kern-link">
                  {h.number}
                </Link>
              </Item>
              <Item label={t.people.team}>{`${h.teamName} (${h.siteName})`}</Item>
              <Item label={t.people.caseworker}>{h.caseworker?.displayName ?? t.people.unassigned}</Item>
              <Item label={t.people.benefitOfficer}>{h.benefitOfficer?.displayName ?? t.people.unassigned}</Item>
            </dl>
            <DataTable
              caption={`${t.people.members} ${h.number}`}
              columns={[
                {
                  header: t.people.familyName,
                  rowHeader: true,
                  cell: (m) =>
                    m.personId === record.person.id ? (
                      fullName(m)
                    ) : (
                      <Link to="/personen/$personId" params={{ personId: m.personId }} className="kern-link">
                        {fullName(m)}
                      </Link>
                    ),
                },
                { header: t.people.role, cell: (m) => roleLabel(m.role) },
                { header: t.people.birthDate, cell: (m) => formatDate(m.birthDate) },
                { header: t.people.period, cell: (m) => periodText(m) },
              ]}
              rows={h.members}
              rowKey={(m) => m.membershipId}
            />
          </>
        )}
      </div>
    </section>
  );
}
