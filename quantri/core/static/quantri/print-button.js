// A "Print" button on pages people print ([data-print]); the page's @media print rules do the
// layout. Without script the button stays hidden and the browser's own Print works the same.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
