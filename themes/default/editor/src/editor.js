// The newsroom's rich-text editor. Progressive enhancement: the page works with the plain
// <textarea data-richtext>; this script puts a Tiptap (ProseMirror) editor in its place, keeps
// the textarea's value in sync (the form posts it as before) and the server cleans the HTML.
// No inline script, no eval: it runs under the portal's Content-Security-Policy as it is.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableKit } from "@tiptap/extension-table";
import { createFigure } from "./figure.js";
import { cleanPastedHTML } from "./paste.js";
import { startAutosave } from "./autosave.js";
import { startPreview } from "./preview.js";

const TOGGLES = {
  h2: (c) => c.toggleHeading({ level: 2 }), h3: (c) => c.toggleHeading({ level: 3 }),
  paragraph: (c) => c.setParagraph(), bold: (c) => c.toggleBold(), italic: (c) => c.toggleItalic(),
  bulletList: (c) => c.toggleBulletList(), orderedList: (c) => c.toggleOrderedList(),
  blockquote: (c) => c.toggleBlockquote(),
  table: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
  addRow: (c) => c.addRowAfter(), addColumn: (c) => c.addColumnAfter(), deleteTable: (c) => c.deleteTable(),
  undo: (c) => c.undo(), redo: (c) => c.redo(),
};
const ACTIVE = {
  h2: ["heading", { level: 2 }], h3: ["heading", { level: 3 }], bold: ["bold"], italic: ["italic"],
  bulletList: ["bulletList"], orderedList: ["orderedList"], blockquote: ["blockquote"], link: ["link"],
};

function status(root, text) {
  const box = root.querySelector("[data-editor-status]");
  if (box) box.textContent = text;
}

function words(text) {
  const found = text.trim().match(/[^\s]+/g);
  return found ? found.length : 0;
}

function updateCount(root, editor) {
  const box = root.querySelector("[data-word-count]");
  if (!box) return;
  const n = words(editor.getText());
  const minutes = Math.max(1, Math.ceil(n / 200));
  box.textContent = box.dataset.template.replace("{words}", n.toLocaleString(document.documentElement.lang))
    .replace("{minutes}", minutes);
}

async function uploadImage(root, editor, file) {
  const url = root.dataset.uploadUrl;
  if (!url) { status(root, root.dataset.msgSaveFirst); return; }
  const data = new FormData();
  data.append("image", file);
  data.append("csrf_token", root.closest("form").querySelector("input[name=csrf_token]").value);
  status(root, root.dataset.msgUploading);
  try {
    const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin",
                                        headers: { Accept: "application/json" } });
    const reply = await response.json();
    if (!response.ok) { status(root, reply.error || root.dataset.msgUploadFailed); return; }
    editor.chain().focus().insertContent({ type: "figure", attrs: {
      src: reply.src, alt: "", caption: "", width: reply.width, height: reply.height } }).run();
    status(root, root.dataset.msgUploaded);
    const inputs = root.querySelectorAll(".nr-figure-alt");
    if (inputs.length) inputs[inputs.length - 1].focus();
  } catch (e) {
    status(root, root.dataset.msgUploadFailed);
  }
}

function setLink(root, editor) {
  const previous = editor.getAttributes("link").href || "https://";
  const href = window.prompt(root.dataset.msgLinkPrompt, previous);
  if (href === null) return;
  if (!href.trim() || href.trim() === "https://") { editor.chain().focus().unsetLink().run(); return; }
  if (!/^(https?:|mailto:|tel:|\/)/i.test(href.trim())) { status(root, root.dataset.msgLinkInvalid); return; }
  editor.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
}

function wireToolbar(root, editor) {
  const bar = root.querySelector("[data-editor-toolbar]");
  const file = root.querySelector("[data-editor-file]");
  bar.hidden = false;
  // A mouse or a finger on a button leaves focus and the caret in the text, as ProseMirror's own
  // menu does. Were focus to leave, the command's focus() gives it back a frame later and puts
  // back the selection the command saw: a key pressed within that frame (End after "select all,
  // paragraph") would act on the old selection, and Enter would replace the whole text.
  bar.addEventListener("mousedown", (event) => {
    if (event.target.closest("button[data-cmd]")) event.preventDefault();
  });
  bar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-cmd]");
    if (!button) return;
    const cmd = button.dataset.cmd;
    if (cmd === "link") setLink(root, editor);
    else if (cmd === "image") file.click();
    else TOGGLES[cmd](editor.chain().focus()).run();
  });
  file.addEventListener("change", () => {
    if (file.files[0]) uploadImage(root, editor, file.files[0]);
    file.value = "";
  });
  // Arrow keys move between the toolbar's buttons (one tab stop, as WAI-ARIA's toolbar pattern).
  const buttons = Array.from(bar.querySelectorAll("button"));
  buttons.forEach((b, i) => b.setAttribute("tabindex", i === 0 ? "0" : "-1"));
  bar.addEventListener("keydown", (event) => {
    const i = buttons.indexOf(document.activeElement);
    if (i < 0 || !["ArrowRight", "ArrowLeft", "Home", "End"].includes(event.key)) return;
    event.preventDefault();
    const next = { ArrowRight: (i + 1) % buttons.length, ArrowLeft: (i - 1 + buttons.length) % buttons.length,
                   Home: 0, End: buttons.length - 1 }[event.key];
    buttons[i].setAttribute("tabindex", "-1");
    buttons[next].setAttribute("tabindex", "0");
    buttons[next].focus();
  });
  const refresh = () => buttons.forEach((b) => {
    const active = ACTIVE[b.dataset.cmd];
    if (active) b.setAttribute("aria-pressed", editor.isActive(...active) ? "true" : "false");
  });
  editor.on("selectionUpdate", refresh);
  editor.on("transaction", refresh);
  refresh();
}

// An image without alt text stops "save and submit" at that image's field.
function guardSubmission(root, editor) {
  const form = root.closest("form");
  form.addEventListener("submit", (event) => {
    const submitter = event.submitter;
    if (!submitter || submitter.name !== "save_and_submit") return;
    const missing = Array.from(root.querySelectorAll(".nr-figure-alt")).filter((input) => !input.value.trim());
    if (!missing.length) return;
    event.preventDefault();
    missing.forEach((input) => {
      input.setAttribute("aria-invalid", "true");
      const wrap = input.parentElement;
      if (!wrap.querySelector(".nr-figure-error")) {
        const error = document.createElement("span");
        error.className = "error nr-figure-error";
        error.id = input.id + "-error";
        error.textContent = root.dataset.msgAltMissing;
        input.setAttribute("aria-describedby", error.id + " " + (input.getAttribute("aria-describedby") || ""));
        wrap.append(error);
      }
    });
    status(root, root.dataset.msgAltMissing);
    missing[0].focus();
  });
}

function start(root) {
  const textarea = root.querySelector("textarea[data-richtext]");
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) {
    // The label now names the editor (a contenteditable cannot be a label's `for` target).
    label.id = label.id || textarea.id + "-label";
    label.removeAttribute("for");
  }
  const mount = document.createElement("div");
  mount.className = "nr-editor-area";
  textarea.after(mount);
  const editor = new Editor({
    element: mount,
    content: textarea.value,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] }, code: false, codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ["mailto", "tel"],
                HTMLAttributes: { target: null, rel: null, class: null } },
      }),
      TableKit.configure({ table: { resizable: false } }),
      createFigure({ altLabel: root.dataset.msgAltLabel, altHint: root.dataset.msgAltHint,
                     captionLabel: root.dataset.msgCaptionLabel }),
    ],
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", class: "nr-editor-content",
                    "aria-describedby": root.dataset.describedby || "" ,
                    ...(label ? { "aria-labelledby": label.id } : {}) },
      transformPastedHTML: (html) => {
        const [clean, dropped] = cleanPastedHTML(html);
        if (dropped) status(root, root.dataset.msgForeignImages);
        return clean;
      },
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.isEmpty ? "" : e.getHTML();
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      updateCount(root, e);
    },
  });
  textarea.hidden = true;
  textarea.setAttribute("aria-hidden", "true");
  if (label) label.addEventListener("click", () => editor.commands.focus());
  root.classList.add("nr-editor-ready");
  root.querySelectorAll("[data-editor-only]").forEach((el) => { el.hidden = false; });
  wireToolbar(root, editor);
  guardSubmission(root, editor);
  updateCount(root, editor);
  root.editor = editor;
  return editor;
}

document.querySelectorAll("[data-editor]").forEach((root) => {
  const editor = start(root);
  startAutosave(root.closest("form"), editor);
  startPreview(root.closest("form"));
});
