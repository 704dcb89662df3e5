import { useState } from "preact/hooks";
import { api } from "../api";
import { label, roles as roleNames } from "../labels";
import { children, getOrg, type Org } from "../orgs";
import { ADMIN_ROLES, orgsWith, useSession } from "../session";
import { Empty, ErrorBox, Show, useAction, useLoad } from "../ui";

const kinds: Record<string, string> = {
  district: "区", street: "街道", community: "社区", grid: "网格", building: "楼宇", unit: "驻区单位", volunteerTeam: "志愿服务队",
};

/** 组织与授权: the organisations under the admin's, and granting a role at one of them. */
export function OrgTree() {
  const roots = orgsWith(useSession(), ...ADMIN_ROLES);
  const [tree, reload] = useLoad(() => Promise.all(roots.map(getOrg)), [roots.join()]);
  const [target, setTarget] = useState<Org | null>(null);
  return (
    <section>
      <h1>组织与授权</h1>
      <div class="columns">
        <Show value={tree} retry={reload} what="组织">
          {(list) => (list.length === 0 ? <Empty>没有您管理的组织。</Empty> : (
            <ul class="tree" role="tree" aria-label="组织树">
              {list.map((o) => <Node key={o.id} org={o} onPick={setTarget} />)}
            </ul>
          ))}
        </Show>
        {target && <Grant org={target} />}
      </div>
    </section>
  );
}

function Node({ org, onPick }: { org: Org; onPick: (o: Org) => void }) {
  const [open, setOpen] = useState(false);
  const [kids, reload] = useLoad(() => (open ? children(org.id) : Promise.resolve([] as Org[])), [open, org.id]);
  return (
    <li role="treeitem" aria-expanded={open}>
      <button type="button" class="link" onClick={() => setOpen(!open)} aria-label={`${open ? "收起" : "展开"}${org.name}`}>
        {open ? "▾" : "▸"}
      </button>
      <button type="button" class="link" onClick={() => onPick(org)}>
        {org.name}
      </button>
      <small>{label(kinds, org.kind)}</small>
      {open && (
        <Show value={kids} retry={reload} what="下级组织">
          {(list) => (list.length === 0 ? null : (
            <ul role="group">{list.map((o) => <Node key={o.id} org={o} onPick={onPick} />)}</ul>
          ))}
        </Show>
      )}
    </li>
  );
}

function Grant({ org }: { org: Org }) {
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState(org.kind === "unit" ? "liaison" : "communityAdmin");
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  return (
    <form
      class="panel"
      onSubmit={async (e) => {
        e.preventDefault();
        setDone(null);
        if (await action.run(() => api("PUT", `/v1/orgs/${encodeURIComponent(org.id)}/roles/${encodeURIComponent(userId.trim())}`,
          { role }))) setDone(`已授予 ${userId} ${label(roleNames, role)}`);
      }}
    >
      <fieldset>
        <legend>在“{org.name}”授予角色</legend>
        <label for="grant-user">用户 ID</label>
        <input id="grant-user" name="userId" required value={userId} onInput={(e) => setUserId(e.currentTarget.value)} />
        <label for="grant-role">角色</label>
        <select id="grant-role" name="role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {Object.entries(roleNames).map(([k, v]) => (
            <option key={k} value={k}>{v}</option>
          ))}
        </select>
        <button type="submit" disabled={action.busy}>授予</button>
      </fieldset>
      {done && <p class="ok" role="status">{done}</p>}
      {action.error && <ErrorBox error={action.error} />}
    </form>
  );
}
