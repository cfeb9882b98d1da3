// Autosave: the draft goes to the server a few seconds after typing stops and when the page is
// left; every change is also kept in this browser (localStorage) until the server has it, so a
// lost connection or a closed laptop loses nothing. The server's edit-conflict check stays: the
// form's `version` travels with every save and a 409 answer means someone else saved first.

const DELAY_MS = 3000;
const RETRY_MS = 10000;

function fields(form) {
  const get = (name) => (form.elements[name] ? form.elements[name].value : "");
  return { title: get("title"), summary: get("summary"), body: get("body") };
}

function formData(form) {
  const data = new FormData(form);
  data.delete("cover");
  data.delete("save");
  data.delete("save_and_submit");
  return data;
}

function timeText(ms) {
  return new Date(ms).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
}

export function startAutosave(form, editor) {
  if (!form || !form.dataset.autosaveUrl) return;
  const box = form.querySelector("[data-autosave-status]");
  const say = (text) => { if (box) box.textContent = text; };
  const msg = (name, ms) => (form.dataset[name] || "").replace("{time}", ms ? timeText(ms) : "");
  let key = form.dataset.storageKey;
  let timer = null;
  let inFlight = null;
  let dirty = false;
  let blocked = false; // a conflict: stop saving over someone else's text

  const keepLocally = () => {
    try {
      localStorage.setItem(key, JSON.stringify({ ...fields(form), at: Date.now() }));
    } catch (e) { /* storage full or disabled: the server copy is all there is */ }
  };
  const forgetLocally = () => { try { localStorage.removeItem(key); } catch (e) { /* ignore */ } };

  const applyReply = (reply) => {
    if (form.elements.version) form.elements.version.value = reply.version;
    if (reply.autosave_url && reply.autosave_url !== form.dataset.autosaveUrl) {
      const oldKey = key;
      form.dataset.autosaveUrl = reply.autosave_url;
      form.action = reply.edit_url;
      key = form.dataset.storageKey = reply.storage_key;
      try { localStorage.removeItem(oldKey); } catch (e) { /* ignore */ }
      if (reply.upload_url) form.querySelector("[data-editor]").dataset.uploadUrl = reply.upload_url;
      if (reply.preview_url) form.dataset.previewUrl = reply.preview_url;
      window.history.replaceState(null, "", reply.edit_url);
    }
  };

  const save = async () => {
    if (blocked || !dirty) return true;
    if (inFlight) return inFlight;
    dirty = false;
    say(msg("msgSaving"));
    inFlight = (async () => {
      try {
        const response = await fetch(form.dataset.autosaveUrl, {
          method: "POST", body: formData(form), credentials: "same-origin", headers: { Accept: "application/json" } });
        const reply = await response.json().catch(() => ({}));
        if (response.status === 409) {
          blocked = true;
          say(msg("msgConflict"));
          return false;
        }
        if (!response.ok) {
          dirty = true;
          say(reply.error || msg("msgInvalid"));
          return false;
        }
        applyReply(reply);
        forgetLocally();
        say(msg("msgSaved", Date.now()));
        return true;
      } catch (e) {
        dirty = true;
        say(msg("msgOffline"));
        window.setTimeout(save, RETRY_MS);
        return false;
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const changed = () => {
    dirty = true;
    keepLocally();
    window.clearTimeout(timer);
    timer = window.setTimeout(save, DELAY_MS);
  };
  form.addEventListener("input", changed);
  window.addEventListener("online", () => { if (dirty) save(); });
  const leave = () => {
    if (!dirty || blocked) return;
    keepLocally();
    navigator.sendBeacon(form.dataset.autosaveUrl, formData(form));
  };
  window.addEventListener("pagehide", leave);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") leave(); });
  form.addEventListener("submit", () => { window.clearTimeout(timer); dirty = false; });
  form.autosaveNow = () => { dirty = dirty || false; return save(); };

  offerLocalCopy(form, editor, key, msg, changed, forgetLocally);
}

// A copy kept in this browser that is newer than the server's and differs from it is offered
// back; the person chooses (nothing is replaced without asking).
function offerLocalCopy(form, editor, key, msg, changed, forget) {
  let local = null;
  try { local = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { local = null; }
  if (!local) return;
  const server = fields(form);
  const same = local.title === server.title && local.summary === server.summary && local.body === server.body;
  const serverTime = Number(form.dataset.serverUpdated || 0);
  if (same || local.at <= serverTime) { forget(); return; }
  const offer = form.querySelector("[data-autosave-offer]");
  if (!offer) return;
  offer.querySelector("[data-offer-text]").textContent = msg("msgLocalNewer", local.at);
  offer.hidden = false;
  offer.querySelector("[data-offer-restore]").addEventListener("click", () => {
    form.elements.title.value = local.title;
    form.elements.summary.value = local.summary;
    editor.commands.setContent(local.body || "", { emitUpdate: true });
    form.elements.body.value = local.body;
    offer.hidden = true;
    changed();
    editor.commands.focus();
  });
  offer.querySelector("[data-offer-discard]").addEventListener("click", () => { forget(); offer.hidden = true; });
}
