import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "./api";

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
