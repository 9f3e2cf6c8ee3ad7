// <weglakker-app>: the whole review app as one custom element, for the single-file page and
// for embedding in an intranet page (see EMBEDDING.md).
//
//   <weglakker-app lang="nl" own-accounts="@DefensieNL, @Defensie"
//                  policy='{"deny": ["Operatie Zeemeeuw"]}'></weglakker-app>
//   (plus a module script tag loading weglakker-app.js)
//
// Properties (set before the element is connected, or later: the app restarts with them):
//   el.policy = {deny: [...]}      a policy object (no `version` needed) or JSON text
//   el.ownAccounts = ['@DefensieNL']
// `el.ready` resolves once the WebAssembly module is loaded ({ms}). The element renders in
// the light DOM (no shadow root), so the page's stylesheet (style.css) styles it.

import * as app from './app.js';
import * as facade from './weglakker.js';

/** Re-exported for hosts that load the module first (e.g. with their own wasm URL). */
export const load = facade.load;

function splitAccounts(value) {
  return (value ?? '').split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

export class WeglakkerApp extends HTMLElement {
  static get observedAttributes() {
    return ['policy', 'own-accounts', 'lang'];
  }

  constructor() {
    super();
    this._policy = undefined;
    this._ownAccounts = undefined;
    this._app = null;
  }

  /** The starting policy: an object or JSON text (the `policy` attribute when unset). */
  get policy() {
    return this._app ? this._app.policy() : this._policy ?? this.getAttribute('policy') ?? undefined;
  }

  set policy(value) {
    this._policy = value;
    if (this._app) this._app.setPolicy(typeof value === 'string' ? JSON.parse(value) : value);
  }

  /** Own accounts added to the policy (the `own-accounts` attribute when unset). */
  get ownAccounts() {
    return this._ownAccounts ?? splitAccounts(this.getAttribute('own-accounts'));
  }

  set ownAccounts(value) {
    this._ownAccounts = [...value];
    if (this._app) this._app.addOwnAccounts(this._ownAccounts);
  }

  /** Resolves once the app is ready (`{ms}`: the load time). */
  get ready() {
    return this._app?.ready ?? Promise.reject(new Error('weglakker-app: not connected'));
  }

  connectedCallback() {
    if (this._app) return;
    const policy = this._policy ?? this.getAttribute('policy') ?? undefined;
    this._app = app.mount(this, {
      policy: typeof policy === 'string' ? JSON.parse(policy) : policy,
      ownAccounts: this.ownAccounts,
      lang: this.getAttribute('lang') ?? 'nl',
      storage: !this.hasAttribute('no-storage'),
    });
    this._app.ready.then(() => this.dispatchEvent(new CustomEvent('weglakker-ready', { bubbles: true })), () => {});
  }

  attributeChangedCallback(name, old, value) {
    if (!this._app || old === value) return;
    if (name === 'policy' && value) this._app.setPolicy(JSON.parse(value));
    if (name === 'own-accounts') this._app.addOwnAccounts(splitAccounts(value));
  }
}

/** Defines `<weglakker-app>` (once). */
export function define(name = 'weglakker-app') {
  if (!customElements.get(name)) customElements.define(name, WeglakkerApp);
}

define();
