// The process map of the Lenkungsgruppe's analysis pages (bundled by esbuild into wwwroot/dist/prozesslandkarte.js,
// loaded as a module only where a map is shown; no inline code, CSP-safe). The page embeds the published (already
// suppressed) figures as JSON next to their tables; this script
//  - folds rare states and steps away with two sliders (the most frequent x % of the states, of the steps between
//    them; every shown state keeps its most frequent incoming and outgoing step, as in Disco) and says what it folded,
//  - lays the rest out with ELK's layered algorithm (elkjs; ADR 0011): node boxes never overlap, edges are routed
//    around them, edge labels get their own space,
//  - draws it as SVG into a frame of fixed size that it never leaves: the view is fitted to the whole drawing, zoom and
//    pan move the view (buttons, mouse wheel, dragging, keyboard),
//  - shows the figures of a state or step when it has the focus (Tab) or the pointer, in a live region.
// Without this script the page shows the same figures as tables.
import ELK from "elkjs/lib/elk.bundled.js";

const SVG_NS = "http://www.w3.org/2000/svg";
const SCHRIFT_KNOTEN = '13px system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const SCHRIFT_KLEIN = '12px system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const KNOTEN_HOEHE = 44;
const RAND = 16;
/** The default view shows at most this many states (besides Beginn and Ende) ... */
const STANDARD_HOECHSTENS_KNOTEN = 18;
/** ... and at most this many steps between them (plus those that keep every state connected). */
const STANDARD_HOECHSTENS_KANTEN = 30;
/** The default view is fitted to the frame; it folds more away until labels are drawn at least this large (1 = 13 px). */
const STANDARD_MINDESTMASSSTAB = 0.72;
const ZOOM_SCHRITT = 1.25;
/** Never more steps in one drawing: beyond this it is unreadable, and the layout takes seconds (all steps are in the table). */
const HOECHSTENS_KANTEN = 80;

const zahl = new Intl.NumberFormat("de-DE");
const tage = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
const fmt = (w) => (w === null || w === undefined ? "–" : zahl.format(w));
const fmtTage = (w) => (w === null || w === undefined ? "–" : tage.format(w));

/**
 * The states and steps to draw at the two slider positions (0-100). States are ranked by their entries, steps by their
 * count; Beginn and Ende always stay. A step is a candidate only between two shown states; of the candidates the most
 * frequent share is shown, and every shown state keeps its most frequent incoming and outgoing candidate step.
 */
export function auswahl(daten, zustaendeProzent, schritteProzent) {
  const innen = daten.knoten.filter((k) => !k.rand);
  const rang = [...innen].sort((a, b) => (b.anzahl ?? -1) - (a.anzahl ?? -1) || a.id.localeCompare(b.id));
  const behalten = zustaendeProzent >= 100 ? rang.length : Math.min(rang.length, Math.max(1, Math.ceil((rang.length * zustaendeProzent) / 100)));
  const sichtbar = new Set(daten.knoten.filter((k) => k.rand).map((k) => k.id));
  rang.slice(0, behalten).forEach((k) => sichtbar.add(k.id));

  const kandidaten = daten.kanten
    .filter((k) => sichtbar.has(k.von) && sichtbar.has(k.nach))
    .sort((a, b) => (b.anzahl ?? 0) - (a.anzahl ?? 0) || a.von.localeCompare(b.von) || a.nach.localeCompare(b.nach));
  const anzahl = schritteProzent >= 100 ? kandidaten.length : Math.ceil((kandidaten.length * schritteProzent) / 100);
  // The connecting steps first, then the most frequent ones up to the share, never more than HOECHSTENS_KANTEN in all.
  const gewaehlt = new Set();
  for (const id of sichtbar) {
    const ein = kandidaten.find((k) => k.nach === id && k.von !== id);
    const aus = kandidaten.find((k) => k.von === id && k.nach !== id);
    if (ein) gewaehlt.add(ein);
    if (aus) gewaehlt.add(aus);
  }
  let gekappt = false;
  for (const k of kandidaten.slice(0, anzahl)) {
    if (gewaehlt.size >= HOECHSTENS_KANTEN && !gewaehlt.has(k)) {
      gekappt = true;
      break;
    }
    gewaehlt.add(k);
  }

  const knoten = daten.knoten.filter((k) => sichtbar.has(k.id));
  const kanten = kandidaten.filter((k) => gewaehlt.has(k));
  const ausgeblendet = rang.slice(behalten);
  return {
    spuruebergreifend: daten.spuruebergreifend,
    knoten,
    kanten,
    ausgeblendeteKnoten: ausgeblendet.length,
    ausgeblendeteEintritte: ausgeblendet.reduce((s, k) => s + (k.anzahl ?? 0), 0),
    ausgeblendeteKanten: daten.kanten.length - kanten.length,
    gekappt,
  };
}

/** The largest slider position (multiple of 5) that shows at most `hoechstens` of `n` ranked items. */
function standardProzent(n, hoechstens) {
  if (n <= hoechstens) return 100;
  for (let p = 95; p > 0; p -= 5) {
    if (Math.ceil((n * p) / 100) <= hoechstens) return p;
  }
  return 0;
}

const messflaeche = document.createElement("canvas").getContext("2d");
function textbreite(text, schrift) {
  messflaeche.font = schrift;
  return Math.ceil(messflaeche.measureText(text).width);
}

function kurz(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function knotenZeilen(k, mitSpur) {
  const erste = kurz(k.bezeichnung, 28);
  const zweite = k.rand ? `${fmt(k.faelle)} Fälle` : `${mitSpur && k.spur ? `${k.spur} · ` : ""}${k.gesperrt ? "– (ausgeblendet)" : `${fmt(k.faelle)} Fälle`}`;
  return [erste, zweite];
}

function kantenText(k) {
  return `${fmt(k.faelle)}${k.median !== null && k.median !== undefined ? ` · ${fmtTage(k.median)} T` : ""}`;
}

/** ELK's layered layout of the chosen states and steps; resolves to positions in drawing coordinates. */
async function layout(elk, wahl, richtung) {
  const graph = {
    id: "karte",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": richtung,
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.layered.spacing.nodeNodeBetweenLayers": "30",
      "elk.layered.spacing.edgeNodeBetweenLayers": "10",
      "elk.spacing.nodeNode": "16",
      "elk.spacing.edgeEdge": "8",
      "elk.spacing.edgeLabel": "2",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      // Brandes-Köpf and a lower thoroughness: network simplex took minutes for a few hundred steps (measured with elkjs 0.12).
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.thoroughness": "3",
      "elk.padding": `[top=${RAND},left=${RAND},bottom=${RAND},right=${RAND}]`,
    },
    children: wahl.knoten.map((k) => {
      const [erste, zweite] = knotenZeilen(k, wahl.spuruebergreifend);
      const breite = Math.max(textbreite(erste, SCHRIFT_KNOTEN), textbreite(zweite, SCHRIFT_KLEIN)) + 20;
      const constraint = k.id === wahl.knoten[0]?.id && k.rand ? "FIRST" : k.rand ? "LAST" : "NONE";
      return {
        id: k.id,
        width: breite,
        height: KNOTEN_HOEHE,
        layoutOptions: { "elk.layered.layering.layerConstraint": constraint },
      };
    }),
    edges: wahl.kanten.map((k, i) => {
      const text = kantenText(k);
      return { id: `k${i}`, sources: [k.von], targets: [k.nach], labels: [{ id: `l${i}`, text, width: textbreite(text, SCHRIFT_KLEIN) + 6, height: 16 }] };
    }),
  };
  return elk.layout(graph);
}

function el(name, attribute = {}, text) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [n, w] of Object.entries(attribute)) e.setAttribute(n, String(w));
  if (text !== undefined) e.textContent = text;
  return e;
}

class Prozesskarte {
  constructor(wurzel) {
    this.wurzel = wurzel;
    this.daten = JSON.parse(wurzel.querySelector("#karte-daten").textContent);
    this.namen = new Map(this.daten.knoten.map((k) => [k.id, k]));
    this.rahmen = wurzel.querySelector("#karte-rahmen");
    this.detail = wurzel.querySelector("#karte-detail");
    this.ausgeblendet = wurzel.querySelector("#karte-ausgeblendet");
    this.reglerZustaende = wurzel.querySelector("#regler-zustaende");
    this.reglerSchritte = wurzel.querySelector("#regler-schritte");
    this.elk = new ELK();
    this.lauf = 0;
  }

  async starten() {
    const innen = this.daten.knoten.filter((k) => !k.rand).length;
    let pz = standardProzent(innen, STANDARD_HOECHSTENS_KNOTEN);
    // Fold more states away until the fitted drawing's labels are large enough to read; left to right or top to
    // bottom, whichever fits the frame at the larger scale (kept for the sliders).
    // First fewer steps (down to about one per shown state, plus those that keep every state connected), then fewer states.
    let fertig = false;
    while (!fertig) {
      const kandidaten = auswahl(this.daten, pz, 100).kanten.length;
      const zustaende = Math.min(innen, Math.max(1, Math.ceil((innen * pz) / 100)));
      const stufen = [...new Set([standardProzent(kandidaten, STANDARD_HOECHSTENS_KANTEN), standardProzent(kandidaten, 2 * zustaende), standardProzent(kandidaten, zustaende)])];
      for (const ps of stufen) {
        const wahl = auswahl(this.daten, pz, ps);
        const rechts = await layout(this.elk, wahl, "RIGHT");
        const unten = await layout(this.elk, wahl, "DOWN");
        this.richtung = this.massstab(rechts) >= this.massstab(unten) ? "RIGHT" : "DOWN";
        const ergebnis = this.richtung === "RIGHT" ? rechts : unten;
        const letzte = pz <= 5 && ps === stufen[stufen.length - 1];
        if (this.massstab(ergebnis) >= STANDARD_MINDESTMASSSTAB || letzte) {
          this.reglerZustaende.value = String(pz);
          this.reglerSchritte.value = String(ps);
          this.zeichnen(wahl, ergebnis);
          fertig = true;
          break;
        }
      }
      pz -= 5;
    }

    this.wurzel.querySelector(".karte-steuerung").hidden = false;
    this.reglerZustaende.addEventListener("input", () => this.neuZeichnen());
    this.reglerSchritte.addEventListener("input", () => this.neuZeichnen());
    for (const knopf of this.wurzel.querySelectorAll("[data-zoom]")) {
      knopf.addEventListener("click", () => this.zoomen(knopf.dataset.zoom));
    }
    this.rahmen.addEventListener("keydown", (e) => this.taste(e));
    this.rahmen.addEventListener("wheel", (e) => this.rad(e), { passive: false });
    this.rahmen.addEventListener("pointerdown", (e) => this.ziehenBeginnen(e));
    window.addEventListener("beforeprint", () => this.einpassen());
    window.addEventListener("resize", () => this.ansichtSetzen());
  }

  /** The scale at which the whole drawing fits the frame. */
  massstab(ergebnis) {
    const b = this.rahmen.clientWidth || 800;
    const h = this.rahmen.clientHeight || 500;
    return Math.min(b / ergebnis.width, h / ergebnis.height, 1.5);
  }

  async neuZeichnen() {
    const lauf = ++this.lauf;
    const wahl = auswahl(this.daten, Number(this.reglerZustaende.value), Number(this.reglerSchritte.value));
    const ergebnis = await layout(this.elk, wahl, this.richtung);
    if (lauf === this.lauf) this.zeichnen(wahl, ergebnis);
  }

  zeichnen(wahl, ergebnis) {
    this.wurzel.querySelector("#wert-zustaende").textContent = `${this.reglerZustaende.value} %`;
    this.wurzel.querySelector("#wert-schritte").textContent = `${this.reglerSchritte.value} %`;
    const teile = [];
    teile.push(`Gezeigt: ${wahl.knoten.filter((k) => !k.rand).length} Zustände und ${wahl.kanten.length} Schritte.`);
    if (wahl.ausgeblendeteKnoten > 0) {
      teile.push(`Ausgeblendet: ${wahl.ausgeblendeteKnoten} seltenere Zustände (zusammen ${zahl.format(wahl.ausgeblendeteEintritte)} Eintritte)`);
    }
    if (wahl.ausgeblendeteKanten > 0) {
      teile.push(`${wahl.ausgeblendeteKnoten > 0 ? "und" : "Ausgeblendet:"} ${wahl.ausgeblendeteKanten} Schritte.`);
    } else if (wahl.ausgeblendeteKnoten > 0) {
      teile[teile.length - 1] += ".";
    }
    if (wahl.gekappt) {
      teile.push(`Es werden höchstens ${HOECHSTENS_KANTEN} Schritte gezeichnet; alle stehen in der Tabelle.`);
    }
    this.ausgeblendet.textContent = teile.join(" ");

    const breite = Math.ceil(ergebnis.width);
    const hoehe = Math.ceil(ergebnis.height);
    this.grenzen = { x: 0, y: 0, w: breite, h: hoehe };
    const svg = el("svg", {
      xmlns: SVG_NS,
      role: "group",
      "aria-label": `Prozesslandkarte: ${wahl.knoten.length} Zustände, ${wahl.kanten.length} Schritte`,
      "data-breite": breite,
      "data-hoehe": hoehe,
    });
    const defs = el("defs");
    const marker = el("marker", { id: "karte-pfeil", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" });
    marker.append(el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#34465e" }));
    defs.append(marker);
    svg.append(defs);

    const position = new Map(ergebnis.children.map((c) => [c.id, c]));
    const knotenEbene = el("g", { class: "knoten-ebene" });
    for (const k of wahl.knoten) {
      const p = position.get(k.id);
      const [erste, zweite] = knotenZeilen(k, wahl.spuruebergreifend);
      const g = el("g", {
        class: `knoten${k.gesperrt ? " gesperrt" : ""}${k.rand ? " rand" : ""}`,
        tabindex: 0,
        role: "button",
        // The accessible name begins with the visible text (WCAG 2.5.3), then the figures.
        "aria-label": `${erste} ${zweite} – ${this.knotenBeschreibung(k, wahl)}`,
        "data-knoten": k.id,
        transform: `translate(${p.x} ${p.y})`,
      });
      g.append(el("rect", { width: p.width, height: p.height, rx: 6 }));
      // One text of two lines; the space between them keeps the lines apart in the text content.
      const text = el("text");
      text.append(el("tspan", { x: 10, y: 18 }, erste), document.createTextNode(" "), el("tspan", { x: 10, y: 35, class: "klein" }, zweite));
      g.append(text);
      this.aufFokus(g, () => this.knotenBeschreibung(k, wahl));
      knotenEbene.append(g);
    }

    const maxFaelle = Math.max(1, ...wahl.kanten.map((k) => k.faelle ?? 0));
    const kantenEbene = el("g", { class: "kanten-ebene" });
    ergebnis.edges.forEach((e, i) => {
      const k = wahl.kanten[i];
      const g = el("g", { class: "kante", tabindex: 0, role: "button", "aria-label": `${kantenText(k)} – ${this.kantenBeschreibung(k)}`, "data-kante": `${k.von}>${k.nach}` });
      const punkte = [];
      for (const s of e.sections ?? []) {
        punkte.push(s.startPoint, ...(s.bendPoints ?? []), s.endPoint);
      }
      const d = punkte.map((pt, j) => `${j === 0 ? "M" : "L"} ${pt.x.toFixed(1)} ${pt.y.toFixed(1)}`).join(" ");
      g.append(el("path", { d, "stroke-width": (1 + (4 * (k.faelle ?? 0)) / maxFaelle).toFixed(1), "marker-end": "url(#karte-pfeil)" }));
      const l = e.labels?.[0];
      if (l) {
        g.append(el("rect", { class: "grund", x: l.x, y: l.y, width: l.width, height: l.height }));
        g.append(el("text", { x: l.x + 3, y: l.y + 12 }, l.text));
      }
      this.aufFokus(g, () => this.kantenBeschreibung(k));
      kantenEbene.append(g);
    });
    svg.append(knotenEbene, kantenEbene);

    this.rahmen.replaceChildren(svg);
    this.svg = svg;
    this.einpassen();
  }

  aufFokus(g, text) {
    const zeigen = () => {
      this.detail.textContent = text();
    };
    g.addEventListener("focus", () => {
      zeigen();
      this.sichtbarMachen(g);
    });
    g.addEventListener("pointerenter", zeigen);
    g.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        this.svg.querySelectorAll(".gewaehlt").forEach((x) => x.classList.remove("gewaehlt"));
        g.classList.add("gewaehlt");
        zeigen();
      }
    });
  }

  knotenBeschreibung(k, wahl) {
    const ein = wahl.kanten.filter((x) => x.nach === k.id).length;
    const aus = wahl.kanten.filter((x) => x.von === k.id).length;
    if (k.rand) {
      return `${k.bezeichnung}: ${fmt(k.faelle)} Fälle, ${fmt(k.anzahl)} Verläufe. Gezeigt: ${ein} eingehende, ${aus} ausgehende Schritte.`;
    }
    const zahlen = k.gesperrt
      ? "Zahlen aus Datenschutzgründen ausgeblendet"
      : `${fmt(k.anzahl)} Eintritte, ${fmt(k.faelle)} Fälle; Verweildauer Median ${fmtTage(k.median)} Tage, 80. Perzentil ${fmtTage(k.p80)} Tage`;
    return `Zustand ${k.bezeichnung}${k.spur ? ` (Spur ${k.spur})` : ""}${k.zustaendig ? `, zuständig: ${k.zustaendig}` : ""}: ${zahlen}. Gezeigt: ${ein} eingehende, ${aus} ausgehende Schritte.`;
  }

  kantenBeschreibung(k) {
    const von = this.namen.get(k.von)?.bezeichnung ?? k.von;
    const nach = this.namen.get(k.nach)?.bezeichnung ?? k.nach;
    const dauer = k.median === null || k.median === undefined ? "" : `; bis zum nächsten Schritt Median ${fmtTage(k.median)} Tage, 80. Perzentil ${fmtTage(k.p80)} Tage`;
    return `Schritt ${von} → ${nach}: ${fmt(k.anzahl)} Mal, ${fmt(k.faelle)} Fälle${dauer}.`;
  }

  // ------------------------------------------------------------------ view: zoom and pan inside the frame

  einpassen() {
    if (!this.grenzen) return;
    this.ansicht = { ...this.grenzen };
    this.ansichtSetzen();
  }

  ansichtSetzen() {
    if (!this.svg || !this.ansicht) return;
    const a = this.ansicht;
    this.svg.setAttribute("viewBox", `${a.x.toFixed(1)} ${a.y.toFixed(1)} ${a.w.toFixed(1)} ${a.h.toFixed(1)}`);
  }

  zoomen(art, mitte) {
    if (!this.ansicht) return;
    if (art === "einpassen") {
      this.einpassen();
      return;
    }
    const f = art === "hinein" ? 1 / ZOOM_SCHRITT : ZOOM_SCHRITT;
    const a = this.ansicht;
    const g = this.grenzen;
    // Never smaller than a quarter of a box, never larger than the whole drawing.
    const w = Math.min(g.w, Math.max(40, a.w * f));
    const h = (w / a.w) * a.h;
    const m = mitte ?? { x: a.x + a.w / 2, y: a.y + a.h / 2 };
    this.ansicht = this.begrenzt({ x: m.x - ((m.x - a.x) * w) / a.w, y: m.y - ((m.y - a.y) * h) / a.h, w, h });
    this.ansichtSetzen();
  }

  verschieben(dx, dy) {
    if (!this.ansicht) return;
    this.ansicht = this.begrenzt({ ...this.ansicht, x: this.ansicht.x + dx, y: this.ansicht.y + dy });
    this.ansichtSetzen();
  }

  /** Keeps the view over the drawing (it may not be moved off it). */
  begrenzt(a) {
    const g = this.grenzen;
    const x = a.w >= g.w ? g.x + (g.w - a.w) / 2 : Math.min(Math.max(a.x, g.x), g.x + g.w - a.w);
    const y = a.h >= g.h ? g.y + (g.h - a.h) / 2 : Math.min(Math.max(a.y, g.y), g.y + g.h - a.h);
    return { x, y, w: a.w, h: a.h };
  }

  /** Drawing units per screen pixel at the current view. */
  einheitJePixel() {
    const r = this.svg.getBoundingClientRect();
    return Math.max(this.ansicht.w / r.width, this.ansicht.h / r.height);
  }

  sichtbarMachen(g) {
    const b = g.getBBox();
    const t = g.transform.baseVal.consolidate()?.matrix;
    const x = b.x + (t ? t.e : 0);
    const y = b.y + (t ? t.f : 0);
    const a = this.ansicht;
    if (x >= a.x && y >= a.y && x + b.width <= a.x + a.w && y + b.height <= a.y + a.h) return;
    this.ansicht = this.begrenzt({ ...a, x: x + b.width / 2 - a.w / 2, y: y + b.height / 2 - a.h / 2 });
    this.ansichtSetzen();
  }

  taste(e) {
    if (e.target !== this.rahmen) return;
    const schritt = this.ansicht ? this.ansicht.w / 10 : 0;
    const aktionen = {
      ArrowLeft: () => this.verschieben(-schritt, 0),
      ArrowRight: () => this.verschieben(schritt, 0),
      ArrowUp: () => this.verschieben(0, -schritt),
      ArrowDown: () => this.verschieben(0, schritt),
      "+": () => this.zoomen("hinein"),
      "=": () => this.zoomen("hinein"),
      "-": () => this.zoomen("heraus"),
      0: () => this.zoomen("einpassen"),
    };
    const aktion = aktionen[e.key];
    if (aktion) {
      e.preventDefault();
      aktion();
    }
  }

  rad(e) {
    if (!this.svg) return;
    e.preventDefault();
    const r = this.svg.getBoundingClientRect();
    const u = this.einheitJePixel();
    const a = this.ansicht;
    const mitte = { x: a.x + a.w / 2 + (e.clientX - (r.left + r.width / 2)) * u, y: a.y + a.h / 2 + (e.clientY - (r.top + r.height / 2)) * u };
    this.zoomen(e.deltaY < 0 ? "hinein" : "heraus", mitte);
  }

  ziehenBeginnen(e) {
    if (!this.svg || e.button !== 0) return;
    let letzte = { x: e.clientX, y: e.clientY };
    const bewegen = (m) => {
      const u = this.einheitJePixel();
      this.verschieben((letzte.x - m.clientX) * u, (letzte.y - m.clientY) * u);
      letzte = { x: m.clientX, y: m.clientY };
    };
    const ende = () => {
      window.removeEventListener("pointermove", bewegen);
      window.removeEventListener("pointerup", ende);
    };
    window.addEventListener("pointermove", bewegen);
    window.addEventListener("pointerup", ende);
  }
}

const wurzel = document.querySelector("[data-prozesskarte]");
if (wurzel) {
  const karte = new Prozesskarte(wurzel);
  karte
    .starten()
    .then(() => wurzel.setAttribute("data-gezeichnet", "ja"))
    .catch((fehler) => {
      karte.rahmen.textContent = "Die Grafik konnte nicht gezeichnet werden. Dieselben Zahlen stehen in den Tabellen darunter.";
      wurzel.setAttribute("data-gezeichnet", "fehler");
      console.error(fehler);
    });
}
