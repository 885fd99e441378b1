// Starts the article body editor on every textarea the "newsroom" preset marks.
// Like django-prose-editor's "configurable" preset, except that the editor's base
// styles come from body_editor.css: nothing is injected at run time, so the admin
// works under a Content Security Policy without 'unsafe-inline'.
import * as editorModule from "django-prose-editor/editor";

const { Editor, Extension, Plugin, crel, initializeEditors } = editorModule;
const { TextSelection } = editorModule.pm.state;
const MARKER = "data-django-prose-editor-newsroom";

function extensionsFrom(config) {
  const extensions = Object.entries(config.extensions).flatMap(([name, options]) => {
    const extension = editorModule[name];
    if (!extension) return [];
    return [typeof options === "object" ? extension.configure(options) : extension];
  });
  return "Caption" in config.extensions ? [...extensions, CaptionExit] : extensions;
}

// The caption the selection is in (all of it), and the position right after its figure.
function captionSelection(state) {
  const { $from, $to } = state.selection;
  if ($from.parent.type.name !== "caption" || !$from.sameParent($to)) return null;
  const figureDepth = $from.depth - 1;
  if (figureDepth < 1 || $from.node(figureDepth).type.name !== "figure") return null;
  return { $from, $to, figureEnd: $from.after(figureDepth) };
}

// Enter: like splitting a paragraph, except that the second half becomes a paragraph
// after the figure, with the caret at its start.
function splitCaption(view) {
  const found = captionSelection(view.state);
  if (!found) return false;
  const { $from, $to, figureEnd } = found;
  const rest = $to.parent.content.cut($to.parentOffset);
  const tr = view.state.tr.delete($from.pos, $from.end());
  const at = tr.mapping.map(figureEnd);
  tr.insert(at, view.state.schema.nodes.paragraph.create(null, rest));
  tr.setSelection(TextSelection.create(tr.doc, at + 1));
  view.dispatch(tr.scrollIntoView());
  return true;
}

// Paste: blocks go after the figure, whole, and the caret to their end. A single line
// (one textblock) is left to the editor, which adds its text to the caption.
function pasteAfterCaption(view, slice) {
  const found = captionSelection(view.state);
  const blocks = slice.content;
  const first = blocks.firstChild;
  if (!found || !first || first.isInline) return false;
  if (blocks.childCount === 1 && first.isTextblock) return false;
  const { $from, $to, figureEnd } = found;
  const tr = view.state.tr.delete($from.pos, $to.pos);
  const at = tr.mapping.map(figureEnd);
  const steps = tr.steps.length;
  tr.insert(at, blocks);
  const end = tr.mapping.slice(steps).map(at, 1);
  tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1));
  view.dispatch(tr.scrollIntoView().setMeta("paste", true).setMeta("uiEvent", "paste"));
  return true;
}

// A caption is one line and a figure holds nothing after it, so the editor had nowhere
// to split to: Enter did nothing, and the next paragraph, typed or pasted, went into the
// caption and was published as part of it.
const CaptionExit = Extension.create({
  name: "captionExit",
  priority: 1000, // ahead of the default Enter handling
  addKeyboardShortcuts() {
    return { Enter: ({ editor }) => splitCaption(editor.view) };
  },
  addProseMirrorPlugins() {
    const handlePaste = (view, _event, slice) => pasteAfterCaption(view, slice);
    return [new Plugin({ props: { handlePaste } })];
  },
});

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

// The Figure dialog offers an image URL and alt text as if they were the figure's own,
// but only the picture picked with Browse… (its id) and the caption are kept: readers
// see the picture's alt text from Images, and an outside URL cannot be stored. So those
// two fields are shown read-only, with a word on where to change them.
function lockFigureDialogFields(wrapper) {
  new MutationObserver(() => {
    const dialog = wrapper.querySelector("dialog");
    const url = dialog && dialog.querySelector("input[name=imageUrl]");
    if (!url || url.readOnly) return;
    url.readOnly = true;
    url.placeholder = "Pick a picture with Browse…";
    const alt = dialog.querySelector("input[name=altText]");
    if (!alt) return;
    alt.readOnly = true;
    alt.after(
      crel("small", {
        className: "figure-dialog__note",
        textContent: "The picture's own alt text, shown to readers. Change it in Images: every story using the picture follows.",
      }),
    );
  }).observe(wrapper, { childList: true });
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
  lockFigureDialogFields(wrapper);
  textarea.dispatchEvent(new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }));
  return editor;
}

initializeEditors(createEditor, `[${MARKER}]`);
