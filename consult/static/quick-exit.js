// Quick exit (respond/views.py, leave): the server forgets the visit and sends the browser to
// a neutral site. Here the exit also replaces this page in the history, so that Back does
// not return to it, and Escape pressed three times within two seconds does the same.
// Without JavaScript the link does all of it but the history entry; the server then shows a
// neutral page at that entry. Written for old phone browsers: no arrow functions.
(function () {
  function leave() {
    var link = document.querySelector("a.quick-exit");
    if (link) window.location.replace(link.href);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.quick-exit");
    if (!link) return;
    event.preventDefault();
    leave();
  });
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 2000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
  // A page the browser kept in memory is fetched again on Back, so the server can answer
  // with the neutral page after an exit.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.location.reload();
  });
})();
