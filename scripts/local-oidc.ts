// A local OpenID Connect provider (the `oidc-provider` package) that stands in for Microsoft Entra ID and for
// Google when the app runs on this machine (`npm run dev`, the integration and end-to-end tests). It is a real
// provider: discovery, the authorization code flow with PKCE, state and nonce, signed ID tokens. Its own sign-in
// page asks for any address and says whether the provider has verified it, so the tests can be refused as the
// real providers' answers would refuse them. Only the project's scripts start it; the app has no fallback to it.
//
// Claims as the real providers give them in the ID token: the Microsoft client gets `email` and, when verified,
// `xms_edov: true` (never `email_verified`, which Entra ID does not send); the Google client gets `email` and
// `email_verified` true or false. No `tid`: Auth.js would then fetch Entra's tenant metadata again, over https.
import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { freePort } from "./embedded-db";

export type LocalOidc = {
  issuer: string;
  /** The app's provider settings for this provider (README: Configuration). */
  env: {
    AUTH_MICROSOFT_ENTRA_ID_ID: string;
    AUTH_MICROSOFT_ENTRA_ID_SECRET: string;
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: string;
    AUTH_GOOGLE_ID: string;
    AUTH_GOOGLE_SECRET: string;
    AUTH_GOOGLE_ISSUER: string;
  };
  stop: () => Promise<void>;
};

type Kind = "microsoft" | "google";
const CLIENTS: Record<Kind, { id: string; callback: string; label: string }> = {
  microsoft: { id: "schoot-local-microsoft", callback: "/api/auth/callback/microsoft-entra-id", label: "Microsoft" },
  google: { id: "schoot-local-google", callback: "/api/auth/callback/google", label: "Google" },
};
const kindOf = (clientId: unknown): Kind | null =>
  clientId === CLIENTS.microsoft.id ? "microsoft" : clientId === CLIENTS.google.id ? "google" : null;

type Person = { kind: Kind; email: string; name: string; verified: boolean };

/** The same address through the same client is the same subject, across restarts too (a real provider's `sub`). */
function subjectFor(kind: Kind, email: string): string {
  return createHash("sha256").update(`${CLIENTS[kind].id}\n${email}`).digest("base64url").slice(0, 32);
}

function claimsOf(person: Person, sub: string): Record<string, unknown> {
  const base = { sub, email: person.email, ...(person.name ? { name: person.name } : {}) };
  if (person.kind === "microsoft") return { ...base, ...(person.verified ? { xms_edov: true } : {}) };
  // Google vouches for a non-Gmail address only as a Workspace account of its domain: `hd` names that domain.
  const domain = person.email.slice(person.email.lastIndexOf("@") + 1).toLowerCase();
  return { ...base, email_verified: person.verified, ...(person.verified && domain !== "gmail.com" ? { hd: domain } : {}) };
}

// The few parts of oidc-provider's API used here (the package ships no type declarations).
type OidcContext = {
  oidc: {
    client?: { clientId: string };
    session: { accountId?: string };
    result?: { login?: unknown };
    requestParamScopes: Set<string>;
    provider: { Grant: new (init: { clientId: string; accountId?: string }) => { addOIDCScope(scope: string): void; save(): Promise<string> } };
  };
};
type Interaction = { uid: string; params: Record<string, unknown>; prompt: { name: string } };
type OidcProvider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }): Promise<void>;
};
type OidcModule = {
  Provider: new (issuer: string, configuration: object) => OidcProvider;
  interactionPolicy: {
    base(): { get(name: string): { checks: unknown[] } };
    Check: new (reason: string, description: string, error: string, check: (ctx: OidcContext) => boolean) => unknown;
  };
};

/*
 * oidc-provider 9 warns once on import that Node 20 is not a release it supports (it runs here: the tests
 * cover every route used). Only that one line is held back; any other warning still shows.
 */
async function importOidcProvider(): Promise<OidcModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("Unsupported runtime")) warn(...args);
  };
  try {
    // @ts-expect-error -- the package ships no type declarations: OidcModule above types the parts used.
    return (await import("oidc-provider")) as unknown as OidcModule;
  } finally {
    console.warn = warn;
  }
}

// An in-memory store of the provider's own (grants, codes, sessions): given explicitly, so the package does not
// warn that its quick-start one is in use. Nothing here outlives the process, as nothing needs to.
function memoryAdapter() {
  const store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  const live = (key: string) => {
    const entry = store.get(key);
    if (entry && entry.expiresAt < Date.now()) store.delete(key);
    return store.get(key)?.payload;
  };
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number) {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      if (this.model === "Session" && typeof payload.uid === "string") store.set(`SessionUid:${payload.uid}`, { payload: { id }, expiresAt: Infinity });
    }
    async find(id: string) {
      return live(this.key(id));
    }
    async findByUid(uid: string) {
      const id = live(`SessionUid:${uid}`)?.id;
      return typeof id === "string" ? this.find(id) : undefined;
    }
    async findByUserCode() {
      return undefined;
    }
    async consume(id: string) {
      const payload = live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
    }
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; color: #0f172a; background: #f8fafc; }
  main { max-width: 28rem; margin: 0 auto; padding: 1rem; }
  .banner { margin: 0 0 1rem; padding: 0.75rem 1rem; border: 2px solid #92400e; background: #fef3c7; color: #78350f; font-weight: 600; }
  form { background: #fff; border: 1px solid #cbd5e1; border-radius: 0.5rem; padding: 1rem; }
  label { display: block; font-weight: 600; margin-top: 0.75rem; }
  input[type=email], input[type=text] { box-sizing: border-box; width: 100%; min-height: 44px; margin-top: 0.25rem; padding: 0.5rem; font: inherit; border: 1px solid #64748b; border-radius: 0.375rem; }
  .check { display: flex; gap: 0.5rem; align-items: center; font-weight: 400; min-height: 44px; }
  .check input { flex: none; width: 24px; height: 24px; margin: 0; }
  button { width: 100%; min-height: 44px; margin-top: 1rem; font: inherit; font-weight: 600; color: #fff; background: #1e3a8a; border: 0; border-radius: 0.375rem; }
  .error { color: #991b1b; font-weight: 600; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

function loginPage(kind: Kind, action: string, values: { email: string; name: string; verified: boolean }, error?: string): string {
  const label = CLIENTS[kind].label;
  return page(
    `Sign in (local test provider for ${label})`,
    `<p class="banner" role="note">Local test provider: not Microsoft or Google</p>
<h1>Sign in as ${label} would</h1>
<p>Schoot trust progress asked this provider, standing in for ${label}, who you are.</p>
<form method="post" action="${escapeHtml(action)}" novalidate>
  ${error ? `<p class="error" id="login-error" role="alert">${escapeHtml(error)}</p>` : ""}
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(values.email)}"${error ? ' aria-invalid="true" aria-describedby="login-error"' : ""}>
  <label for="name">Name</label>
  <input id="name" name="name" type="text" autocomplete="name" value="${escapeHtml(values.name)}">
  <label class="check"><input type="checkbox" name="verified" value="yes"${values.verified ? " checked" : ""}> This provider has verified the address</label>
  <button type="submit">Continue</button>
</form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Starts the provider on 127.0.0.1 with a free port, with one client for each of Microsoft and Google. */
export async function startLocalOidc(options: { appUrl: string; port?: number }): Promise<LocalOidc> {
  const { Provider, interactionPolicy } = await importOidcProvider();
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const appUrl = options.appUrl.replace(/\/$/, "");
  // `next dev` answers on localhost and 127.0.0.1 alike: either may come back.
  const appUrls = [appUrl, appUrl.replace("//localhost:", "//127.0.0.1:"), appUrl.replace("//127.0.0.1:", "//localhost:")].filter((url, i, all) => all.indexOf(url) === i);
  const secrets = { microsoft: randomBytes(24).toString("base64url"), google: randomBytes(24).toString("base64url") };
  const people = new Map<string, Person>();

  const signingKey = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "local", alg: "RS256", use: "sig" };

  // Ask for the address every time, even within the provider's own session: each sign-in in a test (or by a
  // developer trying another account) is a fresh choice of who to be.
  const policy = interactionPolicy.base();
  policy.get("login").checks.push(
    new interactionPolicy.Check("fresh_login", "every sign-in asks who you are", "login_required", (ctx) => !ctx.oidc.result?.login),
  );

  const provider = new Provider(issuer, {
    clients: (Object.keys(CLIENTS) as Kind[]).map((kind) => ({
      client_id: CLIENTS[kind].id,
      client_secret: secrets[kind],
      redirect_uris: appUrls.map((url) => `${url}${CLIENTS[kind].callback}`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    adapter: memoryAdapter(),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "profile", "email"],
    claims: { openid: ["sub"], email: ["email", "email_verified", "xms_edov", "hd"], profile: ["name"] },
    // The claims of the requested scopes go in the ID token itself, where Auth.js reads them (and where Entra
    // ID and Google put them), not only behind the userinfo endpoint.
    conformIdTokenClaims: false,
    responseTypes: ["code"],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`, policy },
    // No consent screen: a grant of what was asked, for the account just signed in.
    async loadExistingGrant(ctx: OidcContext) {
      if (!ctx.oidc.session.accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: unknown, sub: string) {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: async () => claimsOf(person, sub) } : undefined;
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    clientBasedCORS: () => false,
    async renderError(ctx: { type: string; body: string }, out: Record<string, string>) {
      ctx.type = "html";
      ctx.body = page("Local test provider: error", `<p class="banner" role="note">Local test provider: not Microsoft or Google</p><h1>Sign-in could not go on</h1><p>${escapeHtml(out.error_description ?? out.error ?? "Unknown error")}</p>`);
    },
  });

  const handle = provider.callback();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (!path.startsWith("/interaction/")) return handle(req, res);
    interact(req, res).catch((error: unknown) => {
      // An expired or replayed interaction: say so rather than hang.
      if (!res.headersSent) {
        res.writeHead(400, { "content-type": "text/html; charset=utf-8" });
        res.end(page("Local test provider: error", `<h1>Sign-in could not go on</h1><p>${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`));
      }
    });
  });

  async function interact(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    const kind = kindOf(details.params.client_id);
    if (!kind || details.prompt.name !== "login") throw new Error("This provider only signs people in.");
    const action = `/interaction/${details.uid}`;
    const send = (status: number, html: string) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      res.end(html);
    };
    if (req.method !== "POST") {
      const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
      return send(200, loginPage(kind, action, { email: hint, name: "", verified: true }));
    }
    const form = await readForm(req);
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const values = { email, name: (form.get("name") ?? "").trim().slice(0, 200), verified: form.get("verified") === "yes" };
    if (!EMAIL.test(email) || email.length > 254) return send(400, loginPage(kind, action, values, "Enter an email address, like name@school.org.uk"));
    const sub = subjectFor(kind, email);
    people.set(sub, { kind, ...values });
    await provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  return {
    issuer,
    env: {
      AUTH_MICROSOFT_ENTRA_ID_ID: CLIENTS.microsoft.id,
      AUTH_MICROSOFT_ENTRA_ID_SECRET: secrets.microsoft,
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: issuer,
      AUTH_GOOGLE_ID: CLIENTS.google.id,
      AUTH_GOOGLE_SECRET: secrets.google,
      AUTH_GOOGLE_ISSUER: issuer,
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
