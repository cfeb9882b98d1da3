// An image with its alt text and caption: <figure><img src alt width height><figcaption>.
// In the editor it shows two labelled fields; the alt text is required before submission.
import { Node, mergeAttributes } from "@tiptap/core";

let counter = 0;

function imageAttrs(img) {
  return {
    src: img.getAttribute("src"),
    alt: img.getAttribute("alt") || "",
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
  };
}

export function createFigure(messages) {
  return Node.create({
    name: "figure",
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,

    addAttributes() {
      return { src: { default: null }, alt: { default: "" }, caption: { default: "" },
               width: { default: null }, height: { default: null } };
    },

    parseHTML() {
      return [
        { tag: "figure", getAttrs: (el) => {
          const img = el.querySelector("img");
          if (!img) return false;
          const caption = el.querySelector("figcaption");
          return { ...imageAttrs(img), caption: caption ? caption.textContent.trim() : "" };
        } },
        { tag: "img[src]", getAttrs: (img) => imageAttrs(img) },
      ];
    },

    renderHTML({ node }) {
      const a = node.attrs;
      const img = ["img", mergeAttributes({ src: a.src, alt: a.alt || "" },
        a.width ? { width: a.width } : {}, a.height ? { height: a.height } : {})];
      return a.caption ? ["figure", {}, img, ["figcaption", {}, a.caption]] : ["figure", {}, img];
    },

    addNodeView() {
      return ({ node, getPos, editor }) => {
        const id = "nr-figure-" + (++counter);
        const dom = document.createElement("figure");
        dom.className = "nr-figure";
        dom.contentEditable = "false";
        const img = document.createElement("img");
        const fields = document.createElement("div");
        fields.className = "nr-figure-fields";
        const make = (name, label, hint) => {
          const wrap = document.createElement("p");
          const lab = document.createElement("label");
          lab.htmlFor = id + "-" + name;
          lab.textContent = label;
          const input = document.createElement("input");
          input.type = "text";
          input.id = id + "-" + name;
          input.className = "nr-figure-" + name;
          input.maxLength = name === "alt" ? 300 : 500;
          wrap.append(lab, input);
          if (hint) {
            const small = document.createElement("span");
            small.className = "hint";
            small.id = id + "-" + name + "-hint";
            small.textContent = hint;
            input.setAttribute("aria-describedby", small.id);
            wrap.append(small);
          }
          input.addEventListener("input", () => {
            const pos = getPos();
            if (typeof pos !== "number") return;
            const attrs = { ...editor.state.doc.nodeAt(pos).attrs, [name]: input.value };
            editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, attrs));
            if (name === "alt" && input.value.trim()) {
              input.removeAttribute("aria-invalid");
              const error = dom.querySelector(".nr-figure-error");
              if (error) error.remove();
            }
          });
          fields.append(wrap);
          return input;
        };
        const alt = make("alt", messages.altLabel, messages.altHint);
        alt.required = true;
        const caption = make("caption", messages.captionLabel);
        dom.append(img, fields);
        const show = (n) => {
          img.src = n.attrs.src;
          img.alt = n.attrs.alt || "";
          if (document.activeElement !== alt) alt.value = n.attrs.alt || "";
          if (document.activeElement !== caption) caption.value = n.attrs.caption || "";
        };
        show(node);
        return {
          dom,
          update: (updated) => { if (updated.type.name !== "figure") return false; show(updated); return true; },
          stopEvent: (event) => event.target instanceof HTMLInputElement,
          ignoreMutation: () => true,
        };
      };
    },
  });
}
