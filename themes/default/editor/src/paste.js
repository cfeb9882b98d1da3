// Pasted HTML from Word, Google Docs or a web page, reduced to structure before the editor's
// schema reads it (the schema then drops every style, font, class and unknown element).
// Word writes lists as paragraphs with "mso-list" styles: they become real lists here.

const WORD_LIST = /mso-list\s*:\s*l\d+\s+level(\d+)/i;

function isWordListItem(el) {
  return el.tagName === "P" && (/MsoListParagraph/i.test(el.className) || WORD_LIST.test(el.getAttribute("style") || ""));
}

function wordListIsOrdered(el) {
  const marker = (el.querySelector("span[style*='mso-list:Ignore'], span[style*='mso-list: Ignore']") || {}).textContent || "";
  return /^\s*[0-9a-zA-Z]+[.)]/.test(marker);
}

function convertWordLists(body) {
  let list = null;
  for (const el of Array.from(body.children)) {
    if (!isWordListItem(el)) { list = null; continue; }
    const ordered = wordListIsOrdered(el);
    if (!list || (list.tagName === "OL") !== ordered) {
      list = body.ownerDocument.createElement(ordered ? "ol" : "ul");
      el.before(list);
    }
    el.querySelectorAll("span[style*='mso-list:Ignore'], span[style*='mso-list: Ignore']").forEach((s) => s.remove());
    const li = body.ownerDocument.createElement("li");
    const p = body.ownerDocument.createElement("p");
    p.innerHTML = el.innerHTML;
    li.append(p);
    list.append(li);
    el.remove();
  }
}

function isLocalImage(src) {
  try {
    const url = new URL(src, window.location.href);
    return url.origin === window.location.origin && url.pathname.startsWith("/anh-trong-bai/");
  } catch (e) {
    return false;
  }
}

// Returns [cleaned html, number of images dropped because they live elsewhere].
export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const body = doc.body;
  body.querySelectorAll("style, script, meta, link, title, xml, o\\:p, v\\:shape, v\\:imagedata, noscript, iframe, object, embed, svg, form, button, input, select, textarea").forEach((el) => el.remove());
  let dropped = 0;
  body.querySelectorAll("img").forEach((img) => {
    if (!isLocalImage(img.getAttribute("src") || "")) {
      const figure = img.closest("figure");
      (figure || img).remove();
      dropped += 1;
    }
  });
  body.querySelectorAll("h1").forEach((h) => {
    const h2 = doc.createElement("h2");
    h2.innerHTML = h.innerHTML;
    h.replaceWith(h2);
  });
  body.querySelectorAll("h5, h6").forEach((h) => {
    const h4 = doc.createElement("h4");
    h4.innerHTML = h.innerHTML;
    h.replaceWith(h4);
  });
  convertWordLists(body);
  // Word's comments (<!--[if !supportLists]-->) and empty paragraphs made of &nbsp;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  body.querySelectorAll("p").forEach((p) => { if (!p.textContent.replace(/\u00a0/g, " ").trim() && !p.querySelector("img")) p.remove(); });
  body.querySelectorAll("[style], [class], [id], [lang], [align]").forEach((el) => {
    if (el.tagName === "SPAN" || el.tagName === "B") return; // bold/italic in Google Docs live in styles
    el.removeAttribute("class"); el.removeAttribute("id"); el.removeAttribute("align");
  });
  return [body.innerHTML, dropped];
}
