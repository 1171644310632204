// tradelane dashboard: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Clicking a highlighted claim in the article flashes its row in the verdicts table.
  document.querySelectorAll("mark[data-claim] a").forEach(function (a) {
    a.addEventListener("click", function () {
      var row = document.getElementById("claim-" + a.parentElement.getAttribute("data-claim"));
      if (!row) { return; }
      row.classList.add("flash");
      window.setTimeout(function () { row.classList.remove("flash"); }, 1500);
    });
  });
  // Choosing a file names it beside the text box, so the user knows which input will be checked.
  var file = document.querySelector("form.check input[type=file]");
  var text = document.querySelector("form.check textarea");
  if (file && text) {
    file.addEventListener("change", function () {
      if (file.files.length) { text.placeholder = "The file " + file.files[0].name + " will be checked instead."; }
    });
  }
});
