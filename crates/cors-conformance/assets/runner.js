// The conformance harness's page script: runs a batch of requests the way a page's script would and
// reports what that script could observe. It is injected with WebDriver's "execute async script"; the
// batch and the callback are the last two arguments. Requests whose page is an opaque origin run inside a
// sandboxed iframe (sandbox="allow-scripts", srcdoc), so their origin serializes as "null".
//
// Every request has its own URL (the lab's /s/<id>/ prefix), so neither the preflight cache nor the HTTP
// cache connects two cases, and console lines can be attributed by the URL they name. Each report is {id, kind, type, status, headers, error}; kind is "response",
// "rejected", "request-error" or "timeout".

function conformanceRunner() {
  "use strict";

  function withTimeout(promise, ms) {
    return new Promise(function (resolve) {
      var timer = setTimeout(function () { resolve({ kind: "timeout" }); }, ms);
      promise.then(function (value) { clearTimeout(timer); resolve(value); },
        function (error) { clearTimeout(timer); resolve({ kind: "harness-error", error: String(error) }); });
    });
  }

  // Console lines printed synchronously by the call itself (e.g. XHR's "Refused to set unsafe header")
  // name no URL; these markers bracket the call so the harness can attribute them.
  function mark(edge, item) { console.debug("conformance-case-" + edge + " " + item.url); }

  function headerNames(headers) {
    var names = [];
    headers.forEach(function (_value, name) { names.push(name); });
    return names;
  }

  function xhrHeaderNames(all) {
    return all.split("\r\n").filter(function (line) { return line.length > 0; }).map(function (line) {
      var colon = line.indexOf(":");
      return (colon < 0 ? line : line.slice(0, colon)).trim().toLowerCase();
    });
  }

  async function runFetch(item) {
    var init = {
      method: item.method,
      headers: item.headers,
      mode: item.mode,
      credentials: item.credentials,
      redirect: item.redirect
    };
    var constructs = true;
    mark("begin", item);
    try { new Request(item.url, init); } catch (e) { constructs = false; }
    var pending = fetch(item.url, init);
    mark("end", item);
    try {
      var response = await pending;
      var report = { kind: "response", type: response.type, status: response.status, headers: headerNames(response.headers) };
      try { await response.arrayBuffer(); } catch (e) { /* the body does not matter */ }
      return report;
    } catch (error) {
      return { kind: constructs ? "rejected" : "request-error", error: String(error) };
    }
  }

  function runXhr(item) {
    return new Promise(function (resolve) {
      mark("begin", item);
      var xhr = new XMLHttpRequest();
      try {
        xhr.open(item.method, item.url, true);
        xhr.withCredentials = item.credentials === "include";
        item.headers.forEach(function (pair) { xhr.setRequestHeader(pair[0], pair[1]); });
        // The use-CORS-preflight flag: an upload listener registered before send(), with a body to upload.
        if (item.preflight_flag) { xhr.upload.addEventListener("progress", function () {}); }
        xhr.onload = function () {
          resolve({ kind: "response", type: null, status: xhr.status, headers: xhrHeaderNames(xhr.getAllResponseHeaders()) });
        };
        xhr.onerror = function () { resolve({ kind: "rejected", error: null }); };
        xhr.send(item.preflight_flag ? "conformance" : null);
      } catch (error) {
        resolve({ kind: "request-error", error: String(error) });
      } finally {
        mark("end", item);
      }
    });
  }

  async function runBatch(items, timeoutMs, concurrency) {
    var results = new Array(items.length);
    var next = 0;
    async function worker() {
      while (next < items.length) {
        var index = next++;
        var item = items[index];
        var run = item.api === "xhr" ? runXhr(item) : runFetch(item);
        var report = await withTimeout(run, timeoutMs);
        report.id = item.id;
        results[index] = report;
      }
    }
    var workers = [];
    for (var i = 0; i < concurrency; i++) { workers.push(worker()); }
    await Promise.all(workers);
    return results;
  }

  return { runBatch: runBatch };
}

function conformanceRunInSandbox(items, timeoutMs, concurrency) {
  return new Promise(function (resolve) {
    if (items.length === 0) { resolve([]); return; }
    var channel = "conformance-" + Math.random().toString(36).slice(2);
    var frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    var script = conformanceRunner.toString() +
      "\nwindow.addEventListener('message', async function (event) {" +
      " var results = await conformanceRunner().runBatch(event.data.items, event.data.timeoutMs, event.data.concurrency);" +
      " parent.postMessage({ channel: event.data.channel, results: results }, '*'); });";
    frame.srcdoc = "<!doctype html><script>" + script + "</scr" + "ipt>";
    window.addEventListener("message", function listener(event) {
      if (!event.data || event.data.channel !== channel) { return; }
      window.removeEventListener("message", listener);
      frame.remove();
      resolve(event.data.results);
    });
    frame.onload = function () {
      frame.contentWindow.postMessage({ channel: channel, items: items, timeoutMs: timeoutMs, concurrency: concurrency }, "*");
    };
    document.body.appendChild(frame);
  });
}

function conformanceRunAll(items, timeoutMs, concurrency) {
  var framed = items.filter(function (item) { return item.opaque_page; });
  var direct = items.filter(function (item) { return !item.opaque_page; });
  return Promise.all([
    conformanceRunner().runBatch(direct, timeoutMs, concurrency),
    conformanceRunInSandbox(framed, timeoutMs, concurrency)
  ]).then(function (parts) { return parts[0].concat(parts[1]); });
}
