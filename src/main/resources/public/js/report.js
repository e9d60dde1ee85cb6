// The report's few buttons: print, and a review link that selects itself for copying.

document.querySelectorAll('[data-print]').forEach(function (b) {
  b.addEventListener('click', function () { window.print(); });
});
document.querySelectorAll('.copy-link').forEach(function (input) {
  input.addEventListener('focus', function () { input.select(); });
});
