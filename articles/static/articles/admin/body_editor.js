// Starts the article body editor on every textarea the "newsroom" preset marks.
// Like django-prose-editor's "configurable" preset, except that the editor's base
// styles come from body_editor.css: nothing is injected at run time, so the admin
// works under a Content Security Policy without 'unsafe-inline'.
import * as editorModule from "django-prose-editor/editor";

const { Editor, crel, initializeEditors } = editorModule;
const MARKER = "data-django-prose-editor-newsroom";

function extensionsFrom(config) {
  return Object.entries(config.extensions).flatMap(([name, options]) => {
    const extension = editorModule[name];
    if (!extension) return [];
    return [typeof options === "object" ? extension.configure(options) : extension];
  });
}

// Word processors put inline styles, classes and local pictures on everything they copy.
// Drop them before the editor parses the paste: the browser reports every style attribute
// it parses as a CSP violation (even in a detached document), and requests every picture.
// What survives is still limited to the editor's schema, and sanitized again on save.
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

function cleanPastedHTML(html) {
  const pasted = new DOMParser().parseFromString(html.replace(STYLE_ATTRIBUTE, ""), "text/html");
  pasted.querySelectorAll("style, script, meta, link, img:not(figure img)").forEach((node) => node.remove());
  pasted.querySelectorAll("[class]").forEach((node) => node.removeAttribute("class"));
  return pasted.body.innerHTML;
}

// Keep the form's "Pictures in the story" list (credit lines, missing credits) in step
// with the figures being placed, before the story is saved.
function watchBodyPictures(editor, textarea) {
  const panel = document.querySelector("[data-body-pictures-url]");
  const token = textarea.form && textarea.form.querySelector("[name=csrfmiddlewaretoken]");
  if (!panel || !token) return;
  const figures = () => (textarea.value.match(/<figure[\s\S]*?<\/figure>/g) || []).join("");
  let shown = figures();
  let timer;
  editor.on("update", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (figures() === shown) return;
      shown = figures();
      const response = await fetch(panel.dataset.bodyPicturesUrl, {
        method: "POST",
        headers: { "X-CSRFToken": token.value },
        body: new URLSearchParams({ body: textarea.value }),
      });
      if (response.ok) panel.innerHTML = await response.text();
    }, 300);
  });
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const config = JSON.parse(textarea.getAttribute(MARKER) || "{}");
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = crel("div", { className: `prose-editor${disabled ? " disabled" : ""}` });
  textarea.before(wrapper);
  wrapper.append(textarea);
  const editor = new Editor({
    element: wrapper,
    editable: !disabled,
    extensions: extensionsFrom(config),
    content: textarea.value,
    injectCSS: false,
    editorProps: { transformPastedHTML: cleanPastedHTML },
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty document is one empty paragraph: store it as an empty body.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
  watchBodyPictures(editor, textarea);
  textarea.dispatchEvent(new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }));
  return editor;
}

initializeEditors(createEditor, `[${MARKER}]`);
