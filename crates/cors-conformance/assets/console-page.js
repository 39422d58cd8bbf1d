// The WebKit console pass (src/browsers/webkit_console.rs): MiniBrowser, started directly with its console
// written to its output, opens this page at "/#console". The page runs the cases of /console-cases.json one
// at a time, each between a begin and an end marker line, so a console line that names no URL (WebKit's
// reason lines do not) is attributed to the case that was running; then it prints the done line.
(async function () {
  "use strict";
  if (location.hash !== "#console") { return; }
  var batch = await (await fetch("/console-cases.json")).json();
  var runner = conformanceRunner();
  var settle = function () { return new Promise(function (resolve) { setTimeout(resolve, batch.settle_ms); }); };
  for (var i = 0; i < batch.items.length; i++) {
    var item = batch.items[i];
    console.log("conformance-case-begin " + item.url);
    if (item.opaque_page) {
      await conformanceRunInSandbox([item], batch.timeout_ms, 1);
    } else {
      await runner.runBatch([item], batch.timeout_ms, 1);
    }
    await settle();
    console.log("conformance-case-end " + item.url);
  }
  console.log("conformance-console-done");
})();
