// The UI's only script (bundled by esbuild into wwwroot/dist/app.js, loaded as a module; no inline code, CSP-safe).
// Everything works without it; it adds what needs a live channel:
//  - live notices as toasts (aria-live region) and the unread count in the header,
//  - when someone else changes the Fall that is open on screen: a notice on the page and a refresh of the parts
//    marked with data-bereich (tracks, timeline, ...), fetched as server-rendered HTML.
import { HttpTransportType, HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { Posteingang } from "./posteingang.js";

const TOAST_DAUER_MS = 12000;

function zaehlerSetzen(n) {
  const zaehler = document.getElementById("ungelesen-zahl");
  if (!zaehler) {
    return;
  }
  zaehler.textContent = String(n);
  zaehler.hidden = n === 0;
  const text = document.getElementById("ungelesen-text");
  if (text) {
    text.textContent = n === 1 ? "1 ungelesene Benachrichtigung" : `${n} ungelesene Benachrichtigungen`;
  }
}

function toastZeigen(b) {
  const bereich = document.getElementById("toasts");
  if (!bereich) {
    return;
  }
  const toast = document.createElement("div");
  toast.className = "toast";
  const titel = document.createElement("p");
  titel.className = "toast-titel";
  titel.textContent = b.titel;
  const text = document.createElement("p");
  text.textContent = b.text;
  toast.append(titel, text);
  if (b.link) {
    const a = document.createElement("a");
    a.href = b.link;
    a.textContent = "Zum Fall";
    toast.append(a);
  }
  const schliessen = document.createElement("button");
  schliessen.type = "button";
  schliessen.className = "toast-schliessen";
  schliessen.textContent = "Schließen";
  schliessen.setAttribute("aria-label", `Benachrichtigung „${b.titel}“ schließen`);
  schliessen.addEventListener("click", () => toast.remove());
  toast.append(schliessen);
  bereich.append(toast);
  setTimeout(() => {
    if (!toast.contains(document.activeElement)) {
      toast.remove();
    }
  }, TOAST_DAUER_MS);
}

let aktualisierungLaeuft = null;

/** Fetches the current page again and swaps every data-bereich part (server-rendered, same authorisation). */
async function bereicheAktualisieren() {
  const antwort = await fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
  if (!antwort.ok) {
    return false;
  }
  const neu = new DOMParser().parseFromString(await antwort.text(), "text/html");
  for (const alt of document.querySelectorAll("[data-bereich]")) {
    const ersatz = neu.querySelector(`[data-bereich="${alt.dataset.bereich}"]`);
    if (ersatz) {
      alt.replaceChildren(...Array.from(ersatz.childNodes).map((n) => document.importNode(n, true)));
    }
  }
  return true;
}

function fallGeaendert(b) {
  const hinweis = document.getElementById("fall-hinweis");
  if (hinweis) {
    hinweis.hidden = false;
    hinweis.textContent = `Dieser Fall wurde soeben von einer anderen Person geändert (${b.titel}: ${b.text}). Die Anzeige wird aktualisiert.`;
  }
  if (!aktualisierungLaeuft) {
    aktualisierungLaeuft = bereicheAktualisieren()
      .then((ok) => {
        if (hinweis && ok) {
          hinweis.textContent = `Dieser Fall wurde soeben von einer anderen Person geändert (${b.titel}: ${b.text}). Die Anzeige ist aktualisiert.`;
          document.body.dataset.aktualisiert = String(b.seq);
        }
      })
      .catch(() => {})
      .finally(() => {
        aktualisierungLaeuft = null;
      });
  }
}

async function benachrichtigungenStarten() {
  const body = document.body;
  if (body.dataset.angemeldet !== "ja") {
    return;
  }
  const fallId = body.dataset.fallId || null;
  const verbindung = new HubConnectionBuilder()
    // WebSocket straight away, without the negotiate request (ADR 0012): behind nginx with several instances and no
    // affinity, negotiate and the WebSocket could reach different instances; one request cannot.
    .withUrl("/hubs/benachrichtigungen", { transport: HttpTransportType.WebSockets, skipNegotiation: true })
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  let standTimer = null;
  const posteingang = new Posteingang(verbindung, {
    ab: Number(body.dataset.letzteSeq || "0"),
    beiUngelesen: zaehlerSetzen,
    beiNeuer: (b) => {
      toastZeigen(b);
      if (fallId && b.fallId && b.fallId.toLowerCase() === fallId.toLowerCase()) {
        fallGeaendert(b);
      }
      clearTimeout(standTimer);
      standTimer = setTimeout(() => {
        posteingang.stand().then((s) => zaehlerSetzen(s.ungelesen)).catch(() => {});
      }, 200);
    },
  });
  verbindung.onclose(() => {
    // The hub closes when the session ends (logout elsewhere, idle or absolute expiry, deactivation).
    body.dataset.live = "getrennt";
    toastZeigen({ titel: "Verbindung beendet", text: "Ihre Sitzung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an.", link: null });
  });
  try {
    await posteingang.starten();
    body.dataset.live = "verbunden";
  } catch {
    body.dataset.live = "getrennt";
  }
}

benachrichtigungenStarten();
