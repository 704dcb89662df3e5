import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError, type Role } from "./api";
import { label } from "./labels";
import { actingOrgs, orgKinds, type Org } from "./orgs";
import { useSession } from "./session";

export type Loadable<T> =
  | { state: "loading" }
  | { state: "error"; error: ApiError }
  | { state: "ready"; value: T };

/** Loads with the given function whenever a dependency changes; reload() loads again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: "loading" });
    load().then(
      (value) => live && setResult({ state: "ready", value }),
      (error) => live && setResult({ state: "error", error: asApiError(error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  return [result, useCallback(() => setRound((r) => r + 1), [])];
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, "出现意外错误", String(error), "client", null);
}

export function Loading({ what }: { what?: string }) {
  return (
    <p class="state loading" role="status" aria-live="polite">
      正在加载{what ?? ""}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <strong>{error.title}</strong>
      {error.detail && <span>：{error.detail}</span>}
      {error.errors && (
        <ul>
          {Object.entries(error.errors).map(([field, messages]) => (
            <li key={field}>{messages.join("；")}</li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          重试
        </button>
      )}
    </div>
  );
}

export function Show<T>({ value, retry, what, children }: {
  value: Loadable<T>;
  retry?: () => void;
  what?: string;
  children: (v: T) => ComponentChildren;
}) {
  if (value.state === "loading") return <Loading what={what} />;
  if (value.state === "error") return <ErrorBox error={value.error} retry={retry} />;
  return <>{children(value.value)}</>;
}

/** Runs an action, keeping its busy state and its error for the form that started it. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(asApiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}

export function Progress({ value, label }: { value: number | null; label: string }) {
  if (value === null) return null;
  const pct = Math.round(value * 100);
  return (
    <div class="progress">
      <label>
        {label}
        <progress max={100} value={pct} aria-valuenow={pct}>
          {pct}%
        </progress>
        <span class="pct">{pct}%</span>
      </label>
    </div>
  );
}

/** A labelled choice of organisation, each named with its kind. */
export function OrgSelect({ orgs, value, onChange, text, name }: {
  orgs: Org[]; value: string; onChange: (id: string) => void; text: string; name: string;
}) {
  return (
    <label>
      {text}
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {orgs.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}（{label(orgKinds, o.kind)}）
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled select over an enumeration's Chinese names. */
export function EnumSelect({ map, value, onChange, text, name, all }: {
  map: Record<string, string>; value: string; onChange: (v: string) => void; text: string; name: string; all?: string;
}) {
  return (
    <label>
      {text}
      <select name={name} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {all !== undefined && <option value="">{all}</option>}
        {Object.entries(map).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The organisations the signed-in user acts for with the roles (loading, then the list). */
export function useActing(roles: Role[], expand?: (orgs: Org[]) => Promise<Org[]>): [Loadable<Org[]>, () => void] {
  const session = useSession();
  return useLoad(async () => {
    const orgs = await actingOrgs(session.user.roles, roles);
    return expand ? expand(orgs) : orgs;
  }, [session.user.id]);
}

/** China Standard Time's date and time of day as an instant with its offset, as the API takes them. */
export function cstInstant(date: string, timeOfDay: string): string {
  return `${date}T${timeOfDay}:00+08:00`;
}

export function todayCst(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A form asking for a reason (reject, send back, terminate): labelled, required, submitted by keyboard too. */
export function ReasonForm({ id, legend, button, onSubmit, done }: {
  id: string; legend: string; button: string; onSubmit: (reason: string) => Promise<unknown>; done: () => void;
}) {
  const [reason, setReason] = useState("");
  const action = useAction();
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => onSubmit(reason.trim()))) done();
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        <label for={`${id}-reason`}>原因</label>
        <textarea id={`${id}-reason`} name="reason" required rows={2} value={reason}
          onInput={(e) => setReason(e.currentTarget.value)} />
        <button type="submit" disabled={action.busy}>
          {button}
        </button>
      </fieldset>
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}
