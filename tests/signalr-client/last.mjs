// Load client of the notification benchmark: N connections of the official @microsoft/signalr client, each with the
// product's inbox logic (posteingang.js). Controlled over stdin, reports JSON lines on stdout.
//
//   node last.mjs <config.json>    config: { url, clients: [{ id, token }], reconnect: { anteil, pauseMs } }
//   stdin  {"cmd":"start","dauerMs":60000}  forced reconnects of a share of the clients at random moments
//          {"cmd":"ende","fristMs":15000}   wait until every client holds its whole inbox (or the time is up), report
//   stdout {"ev":"verbunden","anzahl":N,"ms":...}  {"ev":"ergebnis", ...}
//
// Commit-to-client latency: the server stamps each notice (erstelltAm) inside the writing transaction, before its
// commit; the client takes its clock when the push arrives. Both clocks are this machine's, so the difference is an
// upper bound of commit-to-client.
import * as signalR from "@microsoft/signalr";
import fs from "node:fs";
import readline from "node:readline";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Posteingang } from "../../src/Kim.Casemanagement.Web/ClientApp/posteingang.js";

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const melden = (e) => process.stdout.write(JSON.stringify(e) + "\n");
const jetztMs = () => performance.timeOrigin + performance.now();

function zeitstempelMs(text) {
  // "2026-11-21T07:17:48.916961+00:00": keep the microseconds Date.parse would drop.
  const m = /^(.*T\d\d:\d\d:\d\d)(\.(\d+))?(.*)$/.exec(text);
  const basis = Date.parse(m[1] + (m[4] || "Z"));
  const bruch = m[3] ? Number("0." + m[3]) * 1000 : 0;
  return basis + bruch;
}

// How late this process's event loop ran (timers, socket reads): a push that arrives while the loop is busy is stamped
// late, so this bounds how much of the measured latency is the measuring client's own.
const schleife = monitorEventLoopDelay({ resolution: 10 });
schleife.enable();

const clients = config.clients.map((c) => ({
  ...c,
  verbindung: null,
  posteingang: null,
  basis: Infinity, // confirmed seq right after the first connect (nothing counts before it is known)
  live: new Set(), // seqs that arrived by push
  uebergeben: 0, // notices handed on by the inbox logic after basis
  doppelt: 0, // pushes of a seq already handed on (the inbox drops them)
  getrennt: 0, // forced reconnects
  latenzen: [],
}));

function bauen(c) {
  const verbindung = new signalR.HubConnectionBuilder()
    .withUrl(config.url + "/hubs/benachrichtigungen", {
      accessTokenFactory: () => c.token,
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .configureLogging(signalR.LogLevel.None)
    .build();
  verbindung.serverTimeoutInMilliseconds = 120000;
  verbindung.on("Benachrichtigung", (b) => {
    const t = jetztMs();
    if (c.posteingang && b.seq <= c.posteingang.bestaetigt) {
      c.doppelt += 1;
      return;
    }
    if (!c.live.has(b.seq)) {
      c.live.add(b.seq);
      c.latenzen.push(t - zeitstempelMs(b.erstelltAm));
    }
  });
  const ab = c.posteingang ? c.posteingang.bestaetigt : 0;
  c.verbindung = verbindung;
  c.posteingang = new Posteingang(verbindung, {
    ab,
    beiNeuer: (b) => {
      if (b.seq > c.basis) c.uebergeben += 1;
    },
  });
  return c.posteingang;
}

async function verbindenAlle() {
  const t0 = Date.now();
  const gleichzeitig = 25;
  let naechster = 0;
  async function arbeiter() {
    while (naechster < clients.length) {
      const c = clients[naechster++];
      const posteingang = bauen(c);
      await posteingang.starten();
      c.basis = posteingang.bestaetigt;
    }
  }
  await Promise.all(Array.from({ length: gleichzeitig }, arbeiter));
  melden({ ev: "verbunden", anzahl: clients.length, ms: Date.now() - t0 });
}

const schlafen = (ms) => new Promise((r) => setTimeout(r, ms));

async function erzwungenerNeustart(c, pauseMs) {
  c.getrennt += 1;
  await c.verbindung.stop();
  await schlafen(pauseMs);
  // A new connection with the inbox state the client kept: catch-up from its confirmed seq.
  await bauen(c).starten();
}

let neustarts = [];
function start({ dauerMs }) {
  const anteil = config.reconnect?.anteil ?? 0.1;
  const pauseMs = config.reconnect?.pauseMs ?? 2000;
  const auswahl = clients.filter((_, i) => i % Math.round(1 / anteil) === 0);
  neustarts = auswahl.map((c) => {
    const wann = 0.1 * dauerMs + Math.random() * 0.6 * dauerMs;
    return schlafen(wann).then(() => erzwungenerNeustart(c, pauseMs));
  });
  schleife.reset();
  melden({ ev: "gestartet", neustarts: auswahl.length });
}

function perzentil(sortiert, p) {
  if (sortiert.length === 0) return null;
  const i = Math.min(sortiert.length - 1, Math.max(0, Math.ceil((p / 100) * sortiert.length) - 1));
  return sortiert[i];
}

async function ende({ fristMs = 15000 }) {
  await Promise.all(neustarts);
  const bis = Date.now() + fristMs;
  let staende;
  for (;;) {
    staende = await Promise.all(clients.map((c) => c.verbindung.invoke("Stand")));
    const fertig = clients.every((c, i) => c.posteingang.bestaetigt >= staende[i].letzteSeq);
    if (fertig || Date.now() > bis) break;
    await schlafen(250);
  }
  let erwartet = 0, uebergeben = 0, verlorenLive = 0, fehlendNachNachholen = 0, doppelt = 0, getrennt = 0, nachgeholt = 0;
  let erwartetGetrennte = 0, erhaltenGetrennte = 0;
  const latenzen = [];
  clients.forEach((c, i) => {
    const soll = staende[i].letzteSeq - c.basis;
    erwartet += soll;
    uebergeben += c.uebergeben;
    doppelt += c.doppelt;
    fehlendNachNachholen += Math.max(0, staende[i].letzteSeq - c.posteingang.bestaetigt);
    for (const l of c.latenzen) latenzen.push(l);
    if (c.getrennt === 0) {
      // Stayed connected: every notice must have arrived by push.
      verlorenLive += soll - [...c.live].filter((s) => s > c.basis).length;
    } else {
      getrennt += 1;
      erwartetGetrennte += soll;
      erhaltenGetrennte += c.uebergeben;
      nachgeholt += c.uebergeben - [...c.live].filter((s) => s > c.basis).length;
    }
  });
  latenzen.sort((a, b) => a - b);
  melden({
    ev: "ergebnis",
    clients: clients.length,
    erwartet,
    uebergeben,
    verlorenLive,
    fehlendNachNachholen,
    doppeltGepusht: doppelt,
    getrennteClients: getrennt,
    erwartetGetrennte,
    erhaltenGetrennte,
    nachgeholt,
    schleifeMs: { p99: schleife.percentile(99) / 1e6, max: schleife.max / 1e6 },
    latenzMs: {
      anzahl: latenzen.length,
      p50: perzentil(latenzen, 50),
      p95: perzentil(latenzen, 95),
      p99: perzentil(latenzen, 99),
      max: latenzen.length ? latenzen[latenzen.length - 1] : null,
    },
  });
  await Promise.all(clients.map((c) => c.verbindung.stop().catch(() => {})));
  process.exit(0);
}

const zeilen = readline.createInterface({ input: process.stdin });
zeilen.on("line", (zeile) => {
  if (!zeile.trim()) return;
  const befehl = JSON.parse(zeile);
  const aktion = befehl.cmd === "start" ? Promise.resolve(start(befehl)) : befehl.cmd === "ende" ? ende(befehl) : Promise.resolve();
  aktion.catch((fehler) => {
    melden({ ev: "fehler", text: String(fehler?.stack ?? fehler) });
    process.exit(1);
  });
});

verbindenAlle().catch((fehler) => {
  melden({ ev: "fehler", text: String(fehler?.stack ?? fehler) });
  process.exit(1);
});
