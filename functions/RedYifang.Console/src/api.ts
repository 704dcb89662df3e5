// The API client: the bearer token lives in sessionStorage (this tab only, gone when it closes; never a cookie), every call
// asks for Chinese, and a problem+json answer becomes an ApiError whose title and detail are the API's own Chinese text.

const TOKEN_KEY = "redyifang.token";
const USER_KEY = "redyifang.user";

export type Role =
  | "resident" | "partyMember" | "liaison" | "communityAdmin" | "streetAdmin" | "districtAdmin" | "partTimeCommitteeMember";
export interface RoleView { role: Role; orgId: string | null }
export interface Me { id: string; nickname: string | null; roles: RoleView[] }
export interface Session { token: string; user: Me }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    readonly code: string,
    readonly errors: Record<string, string[]> | null,
  ) {
    super(detail ? `${title}：${detail}` : title);
  }
}

export function loadSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const user = sessionStorage.getItem(USER_KEY);
  return token && user ? { token, user: JSON.parse(user) as Me } : null;
}

export function saveSession(session: Session | null) {
  if (session) {
    sessionStorage.setItem(TOKEN_KEY, session.token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(session.user));
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  }
}

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

function headers(json: boolean): Record<string, string> {
  const h: Record<string, string> = { "Accept-Language": "zh-CN" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) h.Authorization = `Bearer ${token}`;
  if (json) h["Content-Type"] = "application/json";
  return h;
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const p = await response.json();
    return new ApiError(response.status, p.title ?? "请求失败", p.detail ?? null, p.code ?? "unknown", p.errors ?? null);
  } catch {
    return new ApiError(response.status, `请求失败（HTTP ${response.status}）`, null, "unknown", null);
  }
}

function networkError(): ApiError {
  return new ApiError(0, "无法连接服务器", "请检查网络后重试。", "network", null);
}

export async function api<T>(method: string, path: string, body?: unknown, extra?: Record<string, string>): Promise<T> {
  return (await apiWithTag<T>(method, path, body, extra)).value;
}

/** The answer and its ETag (the version an edit names in If-Match). */
export async function apiWithTag<T>(
  method: string, path: string, body?: unknown, extra?: Record<string, string>,
): Promise<{ value: T; etag: string | null }> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: { ...headers(body !== undefined), ...extra },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw await problemOf(response);
  const etag = response.headers.get("ETag");
  if (response.status === 204) return { value: undefined as T, etag };
  return { value: (await response.json()) as T, etag };
}

/** Downloads a file the API answers (e.g. an .xlsx export) under the name its Content-Disposition gives. */
export async function download(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: headers(false) });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await problemOf(response);
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * Sends a body with XMLHttpRequest, whose upload events give the progress (fetch has none): to the API (multipart, with the
 * token) or to an upload URL (a blob's write-only URL, with the headers its ticket requires and no token).
 */
export function sendWithProgress(
  method: string,
  url: string,
  body: Blob | FormData,
  extraHeaders: Record<string, string>,
  onProgress: (fraction: number) => void,
  withToken: boolean,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    const all = withToken ? { ...headers(false), ...extraHeaders } : extraHeaders;
    for (const [k, v] of Object.entries(all)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(xhr.responseText ? safeJson(xhr.responseText) : null);
        return;
      }
      const p = safeJson(xhr.responseText) as Record<string, unknown> | null;
      reject(
        p && typeof p.title === "string"
          ? new ApiError(xhr.status, p.title, (p.detail as string) ?? null, (p.code as string) ?? "unknown", null)
          : new ApiError(xhr.status, `上传失败（HTTP ${xhr.status}）`, null, "upload", null),
      );
    };
    xhr.send(body);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
