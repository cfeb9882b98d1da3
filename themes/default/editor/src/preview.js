// The preview link opens the saved draft in the portal's article page (phone and desktop widths
// side by side). It saves first, so the preview is what the server has.

export function startPreview(form) {
  form.querySelectorAll("[data-preview-open]").forEach((link) => {
    link.addEventListener("click", async (event) => {
      event.preventDefault();
      const opened = window.open("about:blank", "_blank");
      if (form.autosaveNow) await form.autosaveNow();
      const url = form.dataset.previewUrl || link.href;
      if (opened) opened.location = url;
      else window.location = url;
    });
  });
}
