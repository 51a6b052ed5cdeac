// The SPARQL editor: Ctrl+Enter (Cmd+Enter) runs the query, Tab indents.
// The form works without this script; it only saves reaching for the mouse.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var area = document.querySelector("#sparql-form textarea");
  if (!area) return;
  area.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      area.form.requestSubmit ? area.form.requestSubmit() : area.form.submit();
    } else if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      var start = area.selectionStart;
      area.setRangeText("  ", start, area.selectionEnd, "end");
    }
  });
});
