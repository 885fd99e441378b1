// Never lose work in the article form (the server's side: articles/admin/autosave.py):
// - autosave: a few seconds after the last change, and when the tab is hidden, the
//   form's fields go to the user's working copy (never to the story itself);
// - restore or discard the working copy left by an earlier visit;
// - a warning before leaving the page with changes not saved to the story;
// - who else has the story open, from a heartbeat.
"use strict";
{
  const AUTOSAVE_DELAY_MS = 5000;
  // A request sent as the page goes away must be small enough to outlive it.
  const KEEPALIVE_LIMIT = 60000;
  // Not what was typed: the page's own bookkeeping, and the version the form was opened
  // at, which must stay that of this page for the conflict check.
  const NOT_RESTORED = /^(csrfmiddlewaretoken|version)$|-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$/;

  const isJson = (response) =>
    response.ok && (response.headers.get("Content-Type") || "").startsWith("application/json");

  // The form's fields as the browser would post them, files left out.
  function fieldsOf(form) {
    const fields = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") fields.append(name, value);
    }
    return fields;
  }

  // The body's editor (tiptap hangs it on its editable element), if it has started.
  function editorOf(textarea) {
    const editable = textarea.closest(".prose-editor")?.querySelector("[contenteditable]");
    return editable?.editor || null;
  }

  function restoreSelect(select, values, labels) {
    for (const value of values) {
      // An autocomplete select holds only its current option.
      if (![...select.options].some((option) => option.value === value)) {
        select.add(new Option(labels[value] || value, value));
      }
    }
    for (const option of select.options) option.selected = values.includes(option.value);
  }

  function fill(form, fields, labels) {
    for (const element of form.elements) {
      const { name, type } = element;
      if (!name || NOT_RESTORED.test(name) || type === "hidden" || type === "file") continue;
      const values = fields[name] || [];
      if (type === "checkbox" || type === "radio") {
        element.checked = values.includes(element.value);
      } else if (!(name in fields)) {
        continue;
      } else if (element.tagName === "SELECT") {
        restoreSelect(element, values, labels[name] || {});
      } else if (editorOf(element)) {
        editorOf(element).commands.setContent(values[0], { emitUpdate: true });
        element.value = values[0];
      } else {
        element.value = values[0];
      }
      // Select2, the credit line and the slug follow their fields' jQuery events.
      const $ = window.django && window.django.jQuery;
      if ($) $(element).trigger("change");
      else element.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  function start() {
    const area = document.querySelector("[data-editing-status]");
    const form = area && area.closest("form");
    if (!form) return;
    const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    const post = (url, body, options = {}) =>
      fetch(url, { method: "POST", headers: { "X-CSRFToken": token }, body, ...options });
    if (area.dataset.autosaveUrl) keepWork(form, area, post);
    watchPresence(area, post, token);
  }

  function keepWork(form, area, post) {
    const statusLine = area.querySelector("[data-autosave-status]");
    const say = (text, { focus = false } = {}) => {
      statusLine.textContent = text;
      if (focus) {
        statusLine.tabIndex = -1;
        statusLine.focus();
      }
    };

    // A form sent back with errors holds input the story does not have yet.
    const sentBack = "sentBack" in area.dataset;
    const snapshot = () => fieldsOf(form).toString();
    const opened = sentBack ? null : snapshot();
    let kept = opened; // what the story or the working copy holds
    let submitting = false;
    let timer;

    async function autosave({ leaving = false } = {}) {
      clearTimeout(timer);
      const fields = fieldsOf(form);
      const now = fields.toString();
      if (submitting || now === kept) return;
      if (area.querySelector("[data-restore-offer]")) {
        // Saving now would replace the copy on offer before its owner chose.
        say("Your earlier unsaved changes are still kept: restore or discard them above, and your typing here will be kept too.");
        return;
      }
      try {
        const keepalive = leaving && now.length < KEEPALIVE_LIMIT;
        const response = await post(area.dataset.autosaveUrl, fields, { keepalive });
        if (!isJson(response)) throw new Error(response.statusText);
        kept = now;
        say((await response.json()).status);
      } catch {
        say("Could not save a draft copy. Check your connection, and that you are still logged in.");
      }
    }

    const changed = () => {
      clearTimeout(timer);
      timer = setTimeout(autosave, AUTOSAVE_DELAY_MS);
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // Select2 and the admin's pop-ups announce a pick with jQuery events only.
    if (window.django && window.django.jQuery) window.django.jQuery(form).on("change", changed);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") autosave({ leaving: true });
    });
    form.addEventListener("submit", () => {
      submitting = true;
      clearTimeout(timer);
    });
    window.addEventListener("beforeunload", (event) => {
      if (submitting || snapshot() === opened) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers
    });
    if (sentBack) autosave();

    const offer = area.querySelector("[data-restore-offer]");
    if (!offer) return;
    offer.querySelector("[data-restore]").addEventListener("click", async () => {
      const response = await fetch(area.dataset.autosaveUrl, { headers: { Accept: "application/json" } });
      if (!isJson(response)) {
        say("Your unsaved changes could not be loaded. Try again, or reload the page.", { focus: true });
        return;
      }
      const { fields, labels, version } = await response.json();
      fill(form, fields, labels);
      // The copy was typed over the version it was made from: saving it over a newer
      // one gets the conflict message instead of undoing someone else's save.
      if (version && form.elements.version) form.elements.version.value = version;
      offer.remove();
      kept = snapshot();
      say("Your unsaved changes are back in the form. Save the story to keep them.", { focus: true });
    });
    offer.querySelector("[data-discard]").addEventListener("click", async () => {
      const response = await post(area.dataset.discardUrl, new URLSearchParams());
      if (!response.ok) {
        say("Your unsaved changes could not be discarded. Try again.", { focus: true });
        return;
      }
      offer.remove();
      say("Unsaved changes discarded.", { focus: true });
    });
  }

  function watchPresence(area, post, token) {
    const url = area.dataset.presenceUrl;
    const line = area.querySelector("[data-presence]");
    if (!url || !line) return;
    const beat = async () => {
      try {
        const response = await post(url, new URLSearchParams());
        if (!isJson(response)) return;
        const { others } = await response.json();
        // Only a change is announced.
        if (line.textContent !== others) line.textContent = others;
      } catch {
        // Offline for a moment: the next beat tries again.
      }
    };
    beat();
    setInterval(beat, Number(area.dataset.heartbeatSeconds) * 1000);
    window.addEventListener("pagehide", () => {
      navigator.sendBeacon(url, new URLSearchParams({ csrfmiddlewaretoken: token, leaving: "1" }));
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
