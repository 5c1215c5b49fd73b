// Progressive help for the plan page's bulk form: shows only the fields the chosen action
// needs. Without JavaScript every field shows and the form works the same.
(function () {
  var form = document.getElementById("bulk-form");
  if (!form) return;
  var action = form.querySelector("[name=action]");
  function update() {
    form.querySelectorAll("[data-bulk]").forEach(function (box) {
      box.hidden = box.getAttribute("data-bulk") !== action.value;
    });
  }
  action.addEventListener("change", update);
  update();
})();
