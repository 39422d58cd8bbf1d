// CORS Explainer embed helper: sizes every <iframe data-cors-explainer> to its content.
// The widget (?embed=1) posts {type: "cors-explainer:resize", height} to its parent whenever its
// height changes; this listener applies it to the iframe that sent it, and only to that one.
(function () {
  "use strict";
  var MAX_HEIGHT = 20000;
  addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "cors-explainer:resize" || typeof data.height !== "number") return;
    if (!isFinite(data.height)) return;
    var frames = document.querySelectorAll("iframe[data-cors-explainer]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) continue;
      var height = Math.min(MAX_HEIGHT, Math.max(0, Math.ceil(data.height)));
      frame.style.height = height + "px";
    }
  });
})();
