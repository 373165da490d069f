// Test driver: the official @microsoft/signalr client, driven line by line over stdin (JSON commands) and reporting
// over stdout (JSON events). The inbox logic is the product's own (src/Kim.Casemanagement.Web/ClientApp/posteingang.js).
//
// Commands: {cmd:"verbinden", id, url, token?, origin?}  {cmd:"trennen", id}  {cmd:"stand", id}  {cmd:"gelesen", id, seq}
//           {cmd:"ende"}
// Events:   {ev:"verbunden", id} {ev:"fehler", id, text} {ev:"benachrichtigung", id, b} {ev:"geschlossen", id, text}
//           {ev:"getrennt", id} {ev:"stand", id, ungelesen, letzteSeq, bestaetigt} {ev:"ungelesen", id, anzahl}
import * as signalR from "@microsoft/signalr";
import readline from "node:readline";
import { Posteingang } from "../../src/Kim.Casemanagement.Web/ClientApp/posteingang.js";

const clients = new Map();
const melden = (e) => process.stdout.write(JSON.stringify(e) + "\n");

async function verbinden({ id, url, token, origin }) {
  let eintrag = clients.get(id);
  const headers = origin ? { Origin: origin } : {};
  const verbindung = new signalR.HubConnectionBuilder()
    .withUrl(url + "/hubs/benachrichtigungen", {
      accessTokenFactory: token ? () => token : undefined,
      transport: signalR.HttpTransportType.WebSockets,
      headers,
    })
    .configureLogging(signalR.LogLevel.None)
    .build();
  // A reconnect keeps what the client had seen (like a page that keeps its list): catch-up starts from there.
  const ab = eintrag?.posteingang.bestaetigt ?? 0;
  const posteingang = new Posteingang(verbindung, {
    ab,
    beiNeuer: (b) => melden({ ev: "benachrichtigung", id, b }),
    beiUngelesen: (anzahl) => melden({ ev: "ungelesen", id, anzahl }),
  });
  eintrag = { verbindung, posteingang, gewollt: false };
  clients.set(id, eintrag);
  verbindung.onclose((fehler) => {
    if (!eintrag.gewollt) {
      melden({ ev: "geschlossen", id, text: fehler ? String(fehler.message ?? fehler) : "" });
    }
  });
  try {
    await posteingang.starten();
    melden({ ev: "verbunden", id });
  } catch (fehler) {
    melden({ ev: "fehler", id, text: String(fehler?.message ?? fehler) });
  }
}

async function ausfuehren(befehl) {
  const eintrag = clients.get(befehl.id);
  switch (befehl.cmd) {
    case "verbinden":
      return verbinden(befehl);
    case "trennen":
      eintrag.gewollt = true;
      await eintrag.verbindung.stop();
      return melden({ ev: "getrennt", id: befehl.id });
    case "stand": {
      const s = await eintrag.posteingang.stand();
      return melden({ ev: "stand", id: befehl.id, ungelesen: s.ungelesen, letzteSeq: s.letzteSeq, bestaetigt: eintrag.posteingang.bestaetigt });
    }
    case "gelesen": {
      const anzahl = await eintrag.posteingang.gelesen(befehl.seq);
      return melden({ ev: "ungelesen", id: befehl.id, anzahl });
    }
    case "ende":
      for (const e of clients.values()) {
        e.gewollt = true;
        await e.verbindung.stop().catch(() => {});
      }
      process.exit(0);
    default:
      return melden({ ev: "fehler", id: befehl.id, text: "unbekannter Befehl " + befehl.cmd });
  }
}

const zeilen = readline.createInterface({ input: process.stdin });
zeilen.on("line", (zeile) => {
  if (!zeile.trim()) return;
  let befehl;
  try {
    befehl = JSON.parse(zeile);
  } catch {
    return melden({ ev: "fehler", text: "kein JSON" });
  }
  ausfuehren(befehl).catch((fehler) => melden({ ev: "fehler", id: befehl.id, text: String(fehler?.message ?? fehler) }));
});
zeilen.on("close", () => process.exit(0));
melden({ ev: "bereit" });
