// The client side of the notification inbox, shared by the UI bundle and the Node test driver.
// It takes an already built @microsoft/signalr HubConnection, so that it imports nothing itself.
//
// Ordering: per recipient the server hands out gap-free sequence numbers in commit order, but pushes can arrive in
// another order (the dispatcher reads by transaction, not by recipient). The inbox therefore keeps the contiguous
// prefix it has seen ("bestaetigt": every seq up to it is here) and catches up from there after a (re)connect or when
// a gap stays open for a moment. A notice is handed to the page exactly once.

const MAX_PRO_ABRUF = 500;
const LUECKE_WARTEN_MS = 1000;

export class Posteingang {
  /**
   * @param {import("@microsoft/signalr").HubConnection} verbindung
   * @param {{ ab?: number, beiNeuer?: (b: object) => void, beiUngelesen?: (n: number) => void }} [optionen]
   *   ab: the seq the page already shows (0 = everything); beiNeuer: called once per notice; beiUngelesen: unread count.
   */
  constructor(verbindung, optionen = {}) {
    this.verbindung = verbindung;
    this.bestaetigt = optionen.ab ?? 0;
    this.beiNeuer = optionen.beiNeuer ?? (() => {});
    this.beiUngelesen = optionen.beiUngelesen ?? (() => {});
    this.vorgemerkt = new Map(); // seq > bestaetigt + 1 that arrived early
    this.lueckeTimer = null;
    this.nachholenLaeuft = null;
    verbindung.on("Benachrichtigung", (b) => this.annehmen(b));
    verbindung.on("Ungelesen", (n) => this.beiUngelesen(n));
    verbindung.onreconnected(() => this.nachholen());
  }

  /** Starts the connection and fetches everything after the confirmed prefix. */
  async starten() {
    await this.verbindung.start();
    await this.nachholen();
  }

  /** Catch-up: every notice after the confirmed prefix, in pages, until the inbox has no more. */
  nachholen() {
    if (!this.nachholenLaeuft) {
      this.nachholenLaeuft = this.#nachholenSchleife().finally(() => {
        this.nachholenLaeuft = null;
      });
    }
    return this.nachholenLaeuft;
  }

  async #nachholenSchleife() {
    for (;;) {
      const vorher = this.bestaetigt;
      const liste = await this.verbindung.invoke("Nachholen", vorher);
      for (const b of liste) {
        this.annehmen(b);
      }
      if (liste.length < MAX_PRO_ABRUF || this.bestaetigt === vorher) {
        return;
      }
    }
  }

  /** Takes a pushed or fetched notice; hands it on once and in order. */
  annehmen(b) {
    if (b.seq <= this.bestaetigt || this.vorgemerkt.has(b.seq)) {
      return;
    }
    this.vorgemerkt.set(b.seq, b);
    while (this.vorgemerkt.has(this.bestaetigt + 1)) {
      const naechste = this.vorgemerkt.get(this.bestaetigt + 1);
      this.vorgemerkt.delete(this.bestaetigt + 1);
      this.bestaetigt += 1;
      this.beiNeuer(naechste);
    }
    this.#lueckePruefen();
  }

  /** The unread count and highest seq on the server. */
  stand() {
    return this.verbindung.invoke("Stand");
  }

  /** Marks one notice (or all, with 0) as read; returns the new unread count. */
  gelesen(seq) {
    return this.verbindung.invoke("Gelesen", seq);
  }

  #lueckePruefen() {
    if (this.vorgemerkt.size === 0) {
      clearTimeout(this.lueckeTimer);
      this.lueckeTimer = null;
      return;
    }
    if (!this.lueckeTimer) {
      // A later seq arrived first: its predecessor is usually a moment behind; if not, fetch it.
      this.lueckeTimer = setTimeout(() => {
        this.lueckeTimer = null;
        if (this.vorgemerkt.size > 0 && this.verbindung.state === "Connected") {
          this.nachholen().catch(() => {});
        }
      }, LUECKE_WARTEN_MS);
    }
  }
}
