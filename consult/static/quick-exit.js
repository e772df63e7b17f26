// Quick exit: leave at once and replace this page in the history, so "back" does not return.
// Without JavaScript the link still leaves; only the history entry stays.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.quick-exit");
  if (!link) return;
  event.preventDefault();
  window.location.replace(link.href);
});
