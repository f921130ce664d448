// oidc-provider's storage, in memory and per devkit instance: sessions, grants, codes, tokens and
// interactions vanish on restart, which is what a local platform wants. Expired entries are swept.
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** A fresh, empty store for one provider. */
export function memoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  let writes = 0;
  const live = (key: string): AdapterPayload | undefined => {
    const e = entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return e.payload;
  };
  const sweep = () => {
    const now = Date.now();
    for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k);
  };
  return (name: string): Adapter => {
    const key = (id: string) => `${name}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (++writes % 500 === 0) sweep();
        const k = key(id);
        entries.set(k, {
          payload,
          expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
        });
        if (payload.grantId) {
          let set = grants.get(payload.grantId);
          if (!set) grants.set(payload.grantId, (set = new Set()));
          set.add(k);
        }
        if (payload.uid)
          entries.set(`${name}:uid:${payload.uid}`, {
            payload: { ...payload, jti: id } as AdapterPayload,
            expiresAt: entries.get(k)!.expiresAt,
          });
        if (payload.userCode)
          entries.set(`${name}:userCode:${payload.userCode}`, {
            payload: { ...payload, jti: id } as AdapterPayload,
            expiresAt: entries.get(k)!.expiresAt,
          });
      },
      async find(id) {
        return live(key(id));
      },
      async findByUid(uid) {
        const p = live(`${name}:uid:${uid}`);
        return p ? live(key(String(p.jti))) : undefined;
      },
      async findByUserCode(userCode) {
        const p = live(`${name}:userCode:${userCode}`);
        return p ? live(key(String(p.jti))) : undefined;
      },
      async consume(id) {
        const p = live(key(id));
        if (p) p.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const k of grants.get(grantId) ?? []) entries.delete(k);
        grants.delete(grantId);
      },
    };
  };
}
