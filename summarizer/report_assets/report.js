(function () {
"use strict";
var data = JSON.parse(document.getElementById("report-data").textContent);
var body = document.body, box = document.getElementById("only-flagged");
var focus = document.getElementById("focus"), lit = [], backTo = null;
var SAFE = /^[a-z0-9]+$/;
function light(els) {
  lit.forEach(function (el) { el.classList.remove("active"); });
  lit = els; els.forEach(function (el) { el.classList.add("active"); });
}
function reveal(el) {
  for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
  if (box.checked && el.offsetParent === null) setFiltered(false);
}
function show(el) { el.scrollIntoView({block: "center", inline: "nearest"}); }
function goSpan(sid) {
  if (!SAFE.test(sid)) return;
  var els = Array.prototype.slice.call(document.querySelectorAll('mark[data-spans~="' + sid + '"]'));
  if (!els.length) { var m = document.getElementById("miss-" + sid); if (m) els = [m]; }
  if (!els.length) return;
  var side = document.querySelectorAll('aside.aitems a[data-goto="' + sid + '"]');
  reveal(els[0]); light(els.concat(Array.prototype.slice.call(side))); show(els[0]);
  var s = data.spans[sid] || {}, it = s.item && data.items[s.item];
  backTo = s.item || null;
  focus.querySelector(".fbadge").textContent = s.label || "";
  focus.querySelector(".fbadge").className = "fbadge badge t-" + (s.tone || "exact");
  focus.querySelector(".ftext").textContent = it ? (it.id + " · " + (it.who ? it.who + ": " : "") + it.text) : (s.quote || "");
  focus.querySelector(".fwhere").textContent = (s.art || "") + (s.found ? "" : " · no span matched") +
    (s.reasons && s.reasons.length ? " · " + s.reasons.join("; ") : "");
  focus.querySelector('[data-action="back"]').hidden = !backTo;
  focus.hidden = false;
}
function goItem(mid) {
  if (!SAFE.test(mid)) return;
  var el = document.getElementById("m-" + mid);
  if (!el) return;
  reveal(el); light([el]); show(el);
}
function setFiltered(on) {
  box.checked = on;
  body.classList.toggle("only-flagged", on);
}
document.addEventListener("click", function (ev) {
  var t = ev.target.closest("[data-goto],[data-item-link],[data-action],mark.hl");
  if (!t || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
  if (t.hasAttribute("data-goto")) { ev.preventDefault(); goSpan(t.getAttribute("data-goto")); }
  else if (t.hasAttribute("data-item-link")) { ev.preventDefault(); goItem(t.getAttribute("data-item-link")); }
  else if (t.tagName === "MARK") {
    if (window.getSelection && String(window.getSelection()).length) return;
    var ids = (t.getAttribute("data-spans") || "").split(" ");
    for (var i = 0; i < ids.length; i++) {
      var s = data.spans[ids[i]];
      if (s && s.item) { goItem(s.item); return; }
    }
  } else {
    var a = t.getAttribute("data-action");
    if (a === "flagged") setFiltered(!box.checked);
    else if (a === "expand" || a === "collapse")
      document.querySelectorAll("details.article").forEach(function (d) { d.open = a === "expand"; });
    else if (a === "back" && backTo) goItem(backTo);
    else if (a === "close") { focus.hidden = true; light([]); }
  }
});
box.addEventListener("change", function () { setFiltered(box.checked); });
document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { focus.hidden = true; light([]); } });
if (document.getElementById("flagged-total").getAttribute("data-count") === "0") body.classList.add("nothing-flagged");
setFiltered(box.checked);
})();
