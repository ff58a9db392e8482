import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link, notFound } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { requirePermission } from '../../app/guards.ts';
import { appRoute } from '../../app/routes-base.tsx';
import { can } from '../../app/session.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { type Column, DataTable } from '../../components/data-table.tsx';
import { applyServerErrors, ErrorSummary, summaryItems } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { ErrorAlert } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatMonth, todayIso } from '../../lib/dates.ts';
import { t } from '../../lib/i18n.ts';
import { euroInput, formatEuro, parseEuro } from '../../lib/money.ts';
import { type Team, teamQuery, teamsQuery } from '../admin/api.ts';
import { fullName, type HouseholdView, householdQuery, isUuid, peopleKeys, type SearchHit } from './api.ts';
import { applyMappedErrors, SaveFailure, StatusMessage } from './feedback.tsx';
import { MEMBERSHIP_ROLES, periodText, roleLabel } from './labels.ts';

export const householdRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bedarfsgemeinschaften/$householdId',
  beforeLoad: requirePermission('person.read'),
  loader: async ({ context, params }) => {
    if (!isUuid(params.householdId)) throw notFound();
    await context.queryClient.fetchQuery(householdQuery(params.householdId));
  },
  component: HouseholdPage,
});

type Member = HouseholdView['members'][number];
type Payment = NonNullable<HouseholdView['payments']>[number];

/** Which editor is open (one at a time, each with the household's version from when it opened). */
interface Editor {
  active: string | null;
  setActive: (key: string | null) => void;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{label}</dt>
      <dd className="kern-description-list-item__value">{children}</dd>
    </div>
  );
}

/** The section's confirmation after an action, in its live region, which then takes the focus. */
function useDone() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const ref = useRef<HTMLDivElement>(null);
  return {
    message,
    ref,
    clear: () => setMessage(undefined),
    done: async (editor: Editor, text: string) => {
      await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      editor.setActive(null);
      setMessage(text);
      requestAnimationFrame(() => ref.current?.focus());
    },
  };
}

function HouseholdPage() {
  const { householdId } = householdRoute.useParams();
  const { session } = householdRoute.useRouteContext();
  const { data: h } = useSuspenseQuery(householdQuery(householdId));
  const [active, setActive] = useState<string | null>(null);
  const editor = { active, setActive };
  const write = can(session, 'benefit.write');

  return (
    <div className="kern-stack-lg">
      <PageTitle title={t.people.householdTitle(h.number)} />
      <Tandem household={h} editor={editor} canWrite={write} />
      <Members household={h} editor={editor} canWrite={write} canCreatePerson={can(session, 'person.write')} />
      {can(session, 'benefit.read') && h.payments && <Payments household={h} editor={editor} canWrite={write} />}
    </div>
  );
}

// ---------------------------------------------------------------- team and tandem

interface TandemValues {
  teamId: string;
  caseworkerId: string;
  benefitOfficerId: string;
  version: number;
}

const tandemLabels = { teamId: t.people.team, caseworkerId: t.people.caseworker, benefitOfficerId: t.people.benefitOfficer };

function Tandem({ household: h, editor, canWrite }: { household: HouseholdView; editor: Editor; canWrite: boolean }) {
  const status = useDone();
  const editing = editor.active === 'tandem';
  return (
    <section className="kern-stack" aria-labelledby="tandem">
      <h2 id="tandem" className="kern-heading-medium">
        {t.people.tandem}
      </h2>
      <StatusMessage text={status.message} ref={status.ref} />
      <dl className="kern-description-list">
        <Item label={t.people.householdNumber}>{h.number}</Item>
        <Item label={t.people.team}>{h.teamName}</Item>
        <Item label={t.people.site}>{h.siteName}</Item>
        <Item label={t.people.caseworker}>{h.caseworker?.displayName ?? t.people.unassigned}</Item>
        <Item label={t.people.benefitOfficer}>{h.benefitOfficer?.displayName ?? t.people.unassigned}</Item>
      </dl>
      {canWrite && !editing && (
        <div>
          <Button
            variant="secondary"
            icon="edit"
            id="tandem-aendern"
            onClick={() => {
              status.clear();
              editor.setActive('tandem');
            }}
          >
            {t.people.editTandem}
          </Button>
        </div>
      )}
      {canWrite && editing && (
        <TandemForm
          household={h}
          onSaved={() => status.done(editor, t.people.tandemSaved)}
          onCancel={() => {
            editor.setActive(null);
            requestAnimationFrame(() => document.getElementById('tandem-aendern')?.focus());
          }}
        />
      )}
    </section>
  );
}

function TandemForm({
  household: h,
  onSaved,
  onCancel,
}: {
  household: HouseholdView;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const teams = useQuery(teamsQuery);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<TandemValues>({
    defaultValues: {
      teamId: h.teamId,
      caseworkerId: h.caseworker?.id ?? '',
      benefitOfficerId: h.benefitOfficer?.id ?? '',
      version: h.version,
    },
    shouldFocusError: false,
  });
  const teamId = watch('teamId');
  const members = useQuery({ ...teamQuery(teamId), enabled: isUuid(teamId) });
  const people = (role: (roles: string[]) => boolean, current: { id: string; displayName: string } | null) => {
    const list = (members.data?.members ?? [])
      .filter((m) => role(m.roles))
      .map((m) => ({ id: m.id, displayName: m.displayName }));
    if (current && !list.some((m) => m.id === current.id)) list.unshift(current);
    return list;
  };
  const caseworkers = people((r) => r.includes('pap') || r.includes('fallmanagement'), h.caseworker);
  const officers = people((r) => r.includes('leistung'), h.benefitOfficer);
  const teamChoices: Pick<Team, 'id' | 'name'>[] = (teams.data ?? []).filter((x) => x.active);
  if (!teamChoices.some((x) => x.id === h.teamId)) teamChoices.unshift({ id: h.teamId, name: h.teamName });

  const onSubmit = async (v: TandemValues) => {
    setFailure(undefined);
    try {
      await api.patch(`/api/people/households/${h.id}`, {
        teamId: v.teamId,
        caseworkerId: v.caseworkerId || null,
        benefitOfficerId: v.benefitOfficerId || null,
        version: v.version,
      });
      await onSaved();
    } catch (e) {
      if (!applyServerErrors(e, setError, ['teamId', 'caseworkerId', 'benefitOfficerId'])) setFailure(e);
    }
  };

  return (
    <section className="kern-stack period-form" aria-labelledby="tandem-formular">
      <h3 id="tandem-formular" className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {t.people.editTandem}
      </h3>
      {failure !== undefined && (
        <SaveFailure
          error={failure}
          keepText={t.errors.conflictKeep}
          onReload={async () => {
            const fresh = await queryClient.fetchQuery({ ...householdQuery(h.id), staleTime: 0 });
            reset({
              teamId: fresh.teamId,
              caseworkerId: fresh.caseworker?.id ?? '',
              benefitOfficerId: fresh.benefitOfficer?.id ?? '',
              version: fresh.version,
            });
            setFailure(undefined);
          }}
        />
      )}
      <ErrorSummary items={summaryItems(errors, tandemLabels)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <SelectField
          label={t.people.team}
          error={errors.teamId?.message}
          {...register('teamId', { required: t.form.requiredField(t.people.team) })}
        >
          {teamChoices.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t.people.caseworker} optional error={errors.caseworkerId?.message} {...register('caseworkerId')}>
          <option value="">{t.people.unassigned}</option>
          {caseworkers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t.people.benefitOfficer}
          optional
          error={errors.benefitOfficerId?.message}
          {...register('benefitOfficerId')}
        >
          <option value="">{t.people.unassigned}</option>
          {officers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.common.save}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}

// ---------------------------------------------------------------- members

const stillMember = (m: Member) => m.validUntil === null || m.validUntil >= todayIso();

function Members({
  household: h,
  editor,
  canWrite,
  canCreatePerson,
}: {
  household: HouseholdView;
  editor: Editor;
  canWrite: boolean;
  canCreatePerson: boolean;
}) {
  const status = useDone();
  const ending = h.members.find((m) => editor.active === `end:${m.membershipId}`);
  const adding = editor.active === 'add-member';
  const columns: Column<Member>[] = [
    {
      header: t.people.familyName,
      rowHeader: true,
      cell: (m) => (
        <Link to="/personen/$personId" params={{ personId: m.personId }} className="kern-link">
          {fullName(m)}
        </Link>
      ),
    },
    { header: t.people.birthDate, cell: (m) => formatDate(m.birthDate) },
    { header: t.people.role, cell: (m) => roleLabel(m.role) },
    { header: t.people.period, cell: (m) => periodText(m) },
  ];
  if (canWrite)
    columns.push({
      header: t.people.actions,
      cell: (m) =>
        stillMember(m) ? (
          <Button
            variant="tertiary"
            className="kern-btn--x-small"
            id={`beenden-${m.membershipId}`}
            aria-expanded={ending?.membershipId === m.membershipId}
            onClick={() => {
              status.clear();
              editor.setActive(`end:${m.membershipId}`);
            }}
          >
            {t.people.endMembership}
            <span className="sr-extra">{`: ${fullName(m)}`}</span>
          </Button>
        ) : (
          t.common.none
        ),
    });

  return (
    <section className="kern-stack" aria-labelledby="mitglieder">
      <h2 id="mitglieder" className="kern-heading-medium">
        {t.people.membersOverTime}
      </h2>
      <StatusMessage text={status.message} ref={status.ref} />
      <DataTable
        caption={t.people.membersOverTime}
        captionHidden
        columns={columns}
        rows={h.members}
        rowKey={(m) => m.membershipId}
        empty={t.common.empty}
      />
      {canWrite && ending && (
        <EndMembership
          key={ending.membershipId}
          household={h}
          member={ending}
          onSaved={() => status.done(editor, t.people.membershipEnded)}
          onCancel={() => {
            editor.setActive(null);
            requestAnimationFrame(() => document.getElementById(`beenden-${ending.membershipId}`)?.focus());
          }}
        />
      )}
      {canWrite && !adding && (
        <div className="button-row">
          <Button
            variant="secondary"
            icon="add"
            id="mitglied-aufnehmen"
            onClick={() => {
              status.clear();
              editor.setActive('add-member');
            }}
          >
            {t.people.addMember}
          </Button>
          {canCreatePerson && (
            <ButtonLink to="/personen/neu" search={{ bg: h.id }} variant="tertiary">
              {t.people.createAndAdd}
            </ButtonLink>
          )}
        </div>
      )}
      {canWrite && adding && (
        <AddMember
          household={h}
          onSaved={() => status.done(editor, t.people.memberAdded)}
          onCancel={() => {
            editor.setActive(null);
            requestAnimationFrame(() => document.getElementById('mitglied-aufnehmen')?.focus());
          }}
        />
      )}
    </section>
  );
}

function EndMembership({
  household: h,
  member,
  onSaved,
  onCancel,
}: {
  household: HouseholdView;
  member: Member;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ validUntil: string; householdVersion: number }>({
    defaultValues: { validUntil: todayIso(), householdVersion: h.version },
    shouldFocusError: false,
  });
  const onSubmit = async (v: { validUntil: string; householdVersion: number }) => {
    setFailure(undefined);
    try {
      await api.post(`/api/people/households/${h.id}/members/${member.membershipId}/end`, v);
      await onSaved();
    } catch (e) {
      if (!applyServerErrors(e, setError, ['validUntil'])) setFailure(e);
    }
  };
  return (
    <section className="kern-stack period-form" aria-labelledby="beenden-formular">
      <h3 id="beenden-formular" className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {t.people.endMembershipTitle(fullName(member))}
      </h3>
      {failure !== undefined && (
        <SaveFailure
          error={failure}
          keepText={t.people.conflictPeriod}
          onReload={async () => {
            const fresh = await queryClient.fetchQuery({ ...householdQuery(h.id), staleTime: 0 });
            setValue('householdVersion', fresh.version);
            setFailure(undefined);
          }}
        />
      )}
      <ErrorSummary items={summaryItems(errors, { validUntil: t.people.lastDay })} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t.people.lastDay}
          type="date"
          error={errors.validUntil?.message}
          {...register('validUntil', { required: t.form.requiredField(t.people.lastDay) })}
        />
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {t.people.endMembership}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}

interface MemberValues {
  role: string;
  validFrom: string;
  validUntil: string;
  householdVersion: number;
}
const memberLabels = { role: t.people.role, validFrom: t.people.validFrom, validUntil: t.people.validUntil };

function AddMember({
  household: h,
  onSaved,
  onCancel,
}: {
  household: HouseholdView;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const [customerNumber, setCustomerNumber] = useState('');
  const [lookupError, setLookupError] = useState<string>();
  const [lookupFailure, setLookupFailure] = useState<unknown>();
  const [searching, setSearching] = useState(false);
  const [person, setPerson] = useState<SearchHit>();
  const [failure, setFailure] = useState<unknown>();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<MemberValues>({
    defaultValues: { role: '', validFrom: todayIso(), validUntil: '', householdVersion: h.version },
    shouldFocusError: false,
  });

  const lookup = async () => {
    const q = customerNumber.trim().toUpperCase();
    setPerson(undefined);
    setLookupFailure(undefined);
    if (!/^\d{3}[A-Z]\d{6}$/.test(q)) {
      setLookupError(q ? t.people.customerNumberHint : t.form.requiredField(t.people.findByCustomerNumber));
      return;
    }
    setLookupError(undefined);
    setSearching(true);
    try {
      const hits = await api.get<SearchHit[]>('/api/people/search', { q, limit: 5 });
      const hit = hits.find((x) => x.customerNumber === q);
      if (hit) setPerson(hit);
      else setLookupError(t.people.personNotFound);
    } catch (e) {
      setLookupFailure(e);
    } finally {
      setSearching(false);
    }
  };

  const onSubmit = async (v: MemberValues) => {
    if (!person) return;
    setFailure(undefined);
    try {
      await api.post(`/api/people/households/${h.id}/members`, {
        personId: person.id,
        role: v.role,
        validFrom: v.validFrom,
        validUntil: v.validUntil || null,
        householdVersion: v.householdVersion,
      });
      await onSaved();
    } catch (e) {
      if (!applyServerErrors(e, setError, ['role', 'validFrom', 'validUntil'])) setFailure(e);
    }
  };

  return (
    <section className="kern-stack period-form" aria-labelledby="aufnehmen-formular">
      <h3 id="aufnehmen-formular" className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {t.people.addMember}
      </h3>
      <form
        className="kern-stack form-width"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void lookup();
        }}
      >
        <TextField
          label={t.people.findByCustomerNumber}
          hint={t.people.customerNumberHint}
          name="memberCustomerNumber"
          autoComplete="off"
          spellCheck={false}
          value={customerNumber}
          onChange={(e) => setCustomerNumber(e.currentTarget.value)}
          error={lookupError}
        />
        <div className="button-row">
          <Button type="submit" variant="secondary" icon="search" busy={searching}>
            {t.people.findPerson}
          </Button>
          {!person && (
            <Button variant="tertiary" onClick={onCancel}>
              {t.common.cancel}
            </Button>
          )}
        </div>
      </form>
      {lookupFailure !== undefined && <ErrorAlert error={lookupFailure} />}
      {person && (
        <div className="kern-stack">
          <dl className="kern-description-list" aria-label={t.people.foundPerson}>
            <Item label={t.people.foundPerson}>{fullName(person)}</Item>
            <Item label={t.people.birthDate}>{formatDate(person.birthDate)}</Item>
            <Item label={t.people.householdNumber}>{person.householdNumber ?? t.common.none}</Item>
          </dl>
          {failure !== undefined && (
            <SaveFailure
              error={failure}
              keepText={t.people.conflictPeriod}
              onReload={async () => {
                const fresh = await queryClient.fetchQuery({ ...householdQuery(h.id), staleTime: 0 });
                setValue('householdVersion', fresh.version);
                setFailure(undefined);
              }}
            />
          )}
          <ErrorSummary items={summaryItems(errors, memberLabels)} focusKey={submitCount} />
          <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
            <SelectField
              label={t.people.role}
              error={errors.role?.message}
              {...register('role', { required: t.form.requiredField(t.people.role) })}
            >
              <option value="">{t.common.pleaseChoose}</option>
              {MEMBERSHIP_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t.people.validFrom}
              hint={t.people.validFromHint}
              type="date"
              error={errors.validFrom?.message}
              {...register('validFrom', { required: t.form.requiredField(t.people.validFrom) })}
            />
            <TextField
              label={t.people.validUntil}
              hint={t.people.validUntilHint}
              type="date"
              optional
              error={errors.validUntil?.message}
              {...register('validUntil')}
            />
            <div className="button-row">
              <Button type="submit" busy={isSubmitting}>
                {t.people.addMember}
              </Button>
              <Button variant="secondary" onClick={onCancel}>
                {t.common.cancel}
              </Button>
            </div>
          </form>
        </div>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- payments

interface PaymentValues {
  month: string;
  standard: string;
  additional: string;
  housing: string;
  householdVersion: number;
}
const paymentLabels = {
  month: t.people.month,
  standard: t.people.standard,
  additional: t.people.additional,
  housing: t.people.housing,
};
/** The API's field names → the form's (the form takes euros, the API wants cents). */
const FORM_FIELD: Record<string, keyof PaymentValues> = {
  month: 'month',
  standardCents: 'standard',
  additionalCents: 'additional',
  housingCents: 'housing',
};

function Payments({ household: h, editor, canWrite }: { household: HouseholdView; editor: Editor; canWrite: boolean }) {
  const status = useDone();
  const payments = h.payments ?? [];
  const editing = editor.active?.startsWith('payment:') ? editor.active.slice('payment:'.length) : undefined;
  const row = payments.find((p) => p.month === editing);
  const columns: Column<Payment>[] = [
    { header: t.people.month, rowHeader: true, cell: (p) => formatMonth(p.month) },
    { header: t.people.standard, numeric: true, cell: (p) => formatEuro(p.standardCents) },
    { header: t.people.additional, numeric: true, cell: (p) => formatEuro(p.additionalCents) },
    { header: t.people.housing, numeric: true, cell: (p) => formatEuro(p.housingCents) },
    { header: t.people.sum, numeric: true, cell: (p) => formatEuro(p.standardCents + p.additionalCents + p.housingCents) },
  ];
  if (canWrite)
    columns.push({
      header: t.people.actions,
      cell: (p) => (
        <Button
          variant="tertiary"
          className="kern-btn--x-small"
          id={`betrag-${p.month}`}
          onClick={() => {
            status.clear();
            editor.setActive(`payment:${p.month}`);
          }}
        >
          {t.people.changePayment}
          <span className="sr-extra">{`: ${formatMonth(p.month)}`}</span>
        </Button>
      ),
    });
  return (
    <section className="kern-stack" aria-labelledby="betraege">
      <h2 id="betraege" className="kern-heading-medium">
        {t.people.payments}
      </h2>
      <StatusMessage text={status.message} ref={status.ref} />
      <DataTable
        caption={t.people.paymentsCaption}
        captionHidden
        columns={columns}
        rows={payments}
        rowKey={(p) => p.month}
        empty={t.people.noPayments}
      />
      {canWrite && !editing && (
        <div>
          <Button
            variant="secondary"
            icon="add"
            id="betrag-erfassen"
            onClick={() => {
              status.clear();
              editor.setActive('payment:new');
            }}
          >
            {t.people.addPayment}
          </Button>
        </div>
      )}
      {canWrite && editing && (
        <PaymentForm
          key={editing}
          household={h}
          row={row}
          onSaved={() => status.done(editor, t.people.paymentSaved)}
          onCancel={() => {
            editor.setActive(null);
            requestAnimationFrame(() => document.getElementById(row ? `betrag-${row.month}` : 'betrag-erfassen')?.focus());
          }}
        />
      )}
    </section>
  );
}

function PaymentForm({
  household: h,
  row,
  onSaved,
  onCancel,
}: {
  household: HouseholdView;
  row?: Payment;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<PaymentValues>({
    defaultValues: {
      month: row?.month ?? todayIso().slice(0, 7),
      standard: row ? euroInput(row.standardCents) : '',
      additional: row ? euroInput(row.additionalCents) : '0,00',
      housing: row ? euroInput(row.housingCents) : '',
      householdVersion: h.version,
    },
    shouldFocusError: false,
  });
  const euro = { validate: (v: string) => parseEuro(v).ok || (parseEuro(v) as { message: string }).message };

  const onSubmit = async (v: PaymentValues) => {
    setFailure(undefined);
    const cents = (s: string) => {
      const r = parseEuro(s);
      return r.ok ? r.cents : 0;
    };
    try {
      await api.put(`/api/people/households/${h.id}/payments`, {
        month: v.month,
        standardCents: cents(v.standard),
        additionalCents: cents(v.additional),
        housingCents: cents(v.housing),
        householdVersion: v.householdVersion,
      });
      await onSaved();
    } catch (e) {
      // the server names the cent fields; the form shows its euro fields
      if (!applyMappedErrors(e, setError, FORM_FIELD)) setFailure(e);
    }
  };

  return (
    <section className="kern-stack period-form" aria-labelledby="betrag-formular">
      <h3 id="betrag-formular" className="kern-heading-small" tabIndex={-1} ref={headingRef}>
        {t.people.paymentTitle}
      </h3>
      {failure !== undefined && (
        <SaveFailure
          error={failure}
          keepText={t.people.conflictPeriod}
          onReload={async () => {
            const fresh = await queryClient.fetchQuery({ ...householdQuery(h.id), staleTime: 0 });
            setValue('householdVersion', fresh.version);
            setFailure(undefined);
          }}
        />
      )}
      <ErrorSummary items={summaryItems(errors, paymentLabels)} focusKey={submitCount} />
      <form className="kern-stack form-width" onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextField
          label={t.people.month}
          hint={t.people.monthHint}
          type="month"
          error={errors.month?.message}
          {...register('month', { required: t.form.requiredField(t.people.month) })}
        />
        {(['standard', 'additional', 'housing'] as const).map((f) => (
          <TextField
            key={f}
            label={paymentLabels[f]}
            hint={t.people.euroHint}
            inputMode="decimal"
            autoComplete="off"
            className="input-short"
            error={errors[f]?.message}
            {...register(f, euro)}
          />
        ))}
        <div className="button-row">
          <Button type="submit" busy={isSubmitting}>
            {isSubmitting ? t.common.saving : t.common.save}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t.common.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
