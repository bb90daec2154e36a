/* Share buttons (templates/partials/share.j2).
 *
 * Where the browser has the Web Share API (most phones), one "Delen" button
 * opens the phone's own share sheet. Elsewhere the WhatsApp and e-mail links
 * stay and "Kopieer link" copies the address. CSS shows the right buttons from
 * classes set in <head>; this script only handles the clicks. Nothing is loaded
 * from or sent to anyone else. Runs on Material's document$, so it would also
 * run after instant navigation (switched off: docs/performance.md).
 */
(function () {
  "use strict";

  function say(box, message) {
    var status = box.querySelector(".wvw-share__status");
    status.textContent = "";
    // A fresh text node after a tick, so screen readers announce a repeat too.
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function shareData(box) {
    return {
      title: box.dataset.shareTitle,
      text: box.dataset.shareText,
      url: box.dataset.shareUrl || window.location.href
    };
  }

  function showFallback(box) {
    box.classList.add("wvw-share--fallback");
  }

  function showUrl(box, url) {
    // Copying was refused: show the link selected, ready to copy by hand.
    var field = box.querySelector(".wvw-share__url") || document.createElement("input");
    field.className = "wvw-share__url";
    field.readOnly = true;
    field.value = url;
    field.setAttribute("aria-label", "Link naar deze pagina");
    box.appendChild(field);
    field.focus();
    field.select();
    say(box, "Kopiëren lukte niet. De link staat geselecteerd: kopieer hem zelf.");
  }

  function copyLink(box) {
    var url = shareData(box).url;
    if (!navigator.clipboard || !window.isSecureContext) {
      showUrl(box, url);
      return;
    }
    navigator.clipboard.writeText(url).then(
      function () { say(box, "Link gekopieerd. Plak hem in een bericht."); },
      function () { showUrl(box, url); }
    );
  }

  function setUp(box) {
    if (box.dataset.shareReady) return;
    box.dataset.shareReady = "1";
    box.querySelector(".wvw-share__copy").addEventListener("click", function () { copyLink(box); });
    if (!navigator.share) return;
    if (navigator.canShare && !navigator.canShare(shareData(box))) {
      showFallback(box);
      return;
    }
    box.querySelector(".wvw-share__native").addEventListener("click", function () {
      navigator.share(shareData(box)).catch(function (error) {
        if (error && error.name === "AbortError") return; // the reader closed the share sheet
        showFallback(box);
        say(box, "Delen lukte niet. Deel de link op een andere manier.");
      });
    });
  }

  function setUpAll() {
    document.querySelectorAll(".wvw-share").forEach(setUp);
  }

  /* For a box made by a script (the stemhulp's result): what to share, then the buttons. */
  function update(box, data) {
    box.dataset.shareTitle = data.title;
    box.dataset.shareText = data.text;
    box.dataset.shareUrl = data.url;
    var links = box.querySelectorAll(".wvw-share__link");
    links.forEach(function (link) {
      if (link.href.indexOf("mailto:") === 0) {
        link.href = "mailto:?subject=" + encodeURIComponent(data.title) + "&body=" + encodeURIComponent(data.text + "\n\n" + data.url);
      } else {
        link.href = "https://wa.me/?text=" + encodeURIComponent(data.text + " " + data.url);
      }
    });
    setUp(box);
  }

  window.WvwShare = { update: update };

  if (window.document$) {
    window.document$.subscribe(setUpAll);
  } else {
    setUpAll();
  }
})();
