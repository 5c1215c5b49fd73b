/* Progressive enhancement of the public answer page: hide a question while the answer it
   depends on does not show it. Without JavaScript every question is shown with its
   "answer only if…" hint, and the server applies the conditions either way. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-conditions]");
  if (!form) { return; }

  function answers(pk) {
    var values = [];
    form.querySelectorAll('[name="q' + pk + '"]').forEach(function (input) {
      var chosen = (input.type === "radio" || input.type === "checkbox") ? input.checked : input.value.trim() !== "";
      if (chosen) { values.push(input.value.trim()); }
    });
    return values;
  }

  function update() {
    // Conditions point at earlier questions, so one pass in page order settles chains.
    form.querySelectorAll("[data-condition]").forEach(function (box) {
      var source = document.getElementById("question-" + box.dataset.condition);
      var wanted = box.dataset.values.split("|");
      var shown = !!source && !source.hidden && answers(box.dataset.condition).some(function (value) {
        return wanted.indexOf(value) !== -1;
      });
      box.hidden = !shown;
      var hint = box.querySelector(".condition-hint");
      if (hint) { hint.hidden = true; }
    });
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
