// Progressive help for long unit lists in the import preview: a search box above each
// multiple select hides the units whose name does not contain what was typed (accents and
// capitals ignored). Chosen units always stay in view. Without JavaScript the plain
// <select multiple> works the same.
(function () {
  var template = document.getElementById("select-filter-label");
  var label = template ? template.content.textContent.trim() : "";
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  document.querySelectorAll("select[multiple][data-filterable]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-filter";
    box.placeholder = label;
    box.setAttribute("aria-label", label);
    box.addEventListener("input", function () {
      var wanted = folded(box.value.trim());
      Array.prototype.forEach.call(select.options, function (option) {
        option.hidden = !option.selected && wanted !== "" && folded(option.text).indexOf(wanted) < 0;
      });
    });
    select.parentNode.insertBefore(box, select);
  });
})();
