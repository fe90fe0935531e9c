// Progressive enhancement only: every page works without this file.
// A filter menu marked data-autosubmit applies itself when changed (the form's GET puts
// every filter in the URL, so each view is a permalink).
document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll("select[data-autosubmit]")) {
    el.addEventListener("change", () => el.form && el.form.requestSubmit());
  }
  // Blank fields are left out of the URL, so permalinks stay short.
  for (const form of document.querySelectorAll("form.filters")) {
    form.addEventListener("formdata", (ev) => {
      for (const [key, value] of Array.from(ev.formData.entries())) {
        if (value === "") ev.formData.delete(key);
      }
    });
  }
});
