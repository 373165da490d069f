namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>The callers of the matrix: one signed-in account per role (two case managers of team A, one of team B), and nobody.</summary>
internal enum MatrixRolle
{
    /// <summary>Fallmanagement, team A: leads every team-A scenario Fall.</summary>
    FmA,

    /// <summary>Fallmanagement, team B: leads the "fremd" Fall.</summary>
    FmB,

    /// <summary>Teamleitung, team A.</summary>
    TlA,

    /// <summary>Fallmanagement, team A, leads none of the scenario Fälle; active deputy only on "vertreten".</summary>
    FmA2,

    /// <summary>Partner, Ausländerbehörde.</summary>
    PartnerAbh,

    /// <summary>Partner, Jobcenter.</summary>
    PartnerJc,

    /// <summary>Partner, Bildungsberatung.</summary>
    PartnerBb,

    Lenkungsgruppe,
    Datenschutz,
    Administration,

    /// <summary>The provider's administration (Anbieteradministration, ADR 0014): Mandanten only; no Kommune's accounts, no Fall.</summary>
    Anbieter,

    /// <summary>No token at all.</summary>
    Anonym,
}

/// <summary>The scenario Fälle (see <see cref="AutorisierungsMatrixFixture"/> for how each is built).</summary>
internal enum MatrixSzenario
{
    /// <summary>FM-A leads it (team A); consent: CaseManagement only.</summary>
    Eigen,

    /// <summary>FM-B leads it (team B); valid consents for ABH, JC and BB (all categories); a referral to JC.</summary>
    Fremd,

    /// <summary>FM-A's; valid consents for ABH, JC and BB (all categories); a referral to JC.</summary>
    Eingewilligt,

    /// <summary>FM-A's; no consent naming a partner authority.</summary>
    OhneEinwilligung,

    /// <summary>FM-A's; consents for ABH, JC and BB and a referral to JC, then all three consents withdrawn through the API.</summary>
    Widerrufen,

    /// <summary>FM-A's (consent CaseManagement only); FM-A2 is the active deputy (Vertretung) today.</summary>
    Vertreten,

    /// <summary>
    /// A Fall of another Kommune (Mandant „matrix-kreis-b“, ADR 0014), built like "fremd" (consents for ABH, JC and BB, a
    /// referral to JC) by that Kommune's case manager. Not a column of the table: every role that may touch a Fall at
    /// all gets 404 on it, a role refused on the whole line 403, nobody 401 (see <see cref="AutorisierungsMatrixTabelle"/>).
    /// </summary>
    AndererMandant,
}

/// <summary>What a cell expects. <see cref="Konflikt409"/>: the caller is authorised, but the domain refuses (a referral without consent).</summary>
internal enum MatrixErgebnis
{
    Ok,
    NichtAngemeldet401,
    Verboten403,
    NichtGefunden404,
    Konflikt409,
}

/// <summary>One row of the matrix: an endpoint (for steps: one kind of step), and the expected result per role (and scenario).</summary>
internal sealed record MatrixEndpunkt(
    string Name,
    string Methode,
    string Muster,
    string? Variante,
    bool Schreibend,
    bool FallBezogen,
    IReadOnlyDictionary<(MatrixRolle Rolle, MatrixSzenario? Szenario), MatrixErgebnis> Zellen)
{
    /// <summary>Method and route pattern as the running app reports them (<c>*</c>: any method).</summary>
    public string Route => $"{Methode} {Muster}";

    public string Anzeige => Variante is null ? Route : $"{Route} [{Variante}]";

    /// <summary>The HTTP method the request is sent with.</summary>
    public HttpMethod HttpMethode => Methode == "*" ? HttpMethod.Get : new HttpMethod(Methode);
}

/// <summary>
/// The role × action matrix of SECURITY.md ("Roles × actions"), written out by hand, one line per role. It is NOT
/// derived from the application: when the app disagrees, the cell fails and the table stays as SECURITY.md says.
/// <para>
/// Per-Fall endpoints: one line per role, six columns in the order of <see cref="Spalten"/>
/// (eigen, fremd, eingewilligt, ohneEinwilligung, widerrufen, vertreten); other endpoints: one line, one column per
/// role in the order of <see cref="Rollen"/>. <c>Ok</c> = any 2xx, <c>401</c>/<c>403</c>/<c>404</c> the status,
/// <c>409</c> = authorised but refused by the domain (documented where used), <c>-</c> = no such cell (a referral
/// answer needs a referral, which exists only where a partner consent was given).
/// </para>
/// </summary>
internal static class AutorisierungsMatrixTabelle
{
    /// <summary>Column order of the per-Fall lines.</summary>
    public static readonly MatrixSzenario[] Spalten =
        [MatrixSzenario.Eigen, MatrixSzenario.Fremd, MatrixSzenario.Eingewilligt, MatrixSzenario.OhneEinwilligung, MatrixSzenario.Widerrufen, MatrixSzenario.Vertreten];

    /// <summary>The written columns and the cross-Mandant scenario derived from each line (<see cref="MatrixSzenario.AndererMandant"/>).</summary>
    public static readonly MatrixSzenario[] AlleSzenarien = [.. Spalten, MatrixSzenario.AndererMandant];

    /// <summary>Column order of the lines of endpoints without a Fall.</summary>
    public static readonly MatrixRolle[] Rollen = Enum.GetValues<MatrixRolle>();

    private const MatrixRolle FmA = MatrixRolle.FmA;
    private const MatrixRolle FmB = MatrixRolle.FmB;
    private const MatrixRolle TlA = MatrixRolle.TlA;
    private const MatrixRolle FmA2 = MatrixRolle.FmA2;
    private const MatrixRolle Abh = MatrixRolle.PartnerAbh;
    private const MatrixRolle Jc = MatrixRolle.PartnerJc;
    private const MatrixRolle Bb = MatrixRolle.PartnerBb;
    private const MatrixRolle Lg = MatrixRolle.Lenkungsgruppe;
    private const MatrixRolle Ds = MatrixRolle.Datenschutz;
    private const MatrixRolle Ad = MatrixRolle.Administration;
    private const MatrixRolle Anb = MatrixRolle.Anbieter;
    private const MatrixRolle Anonym = MatrixRolle.Anonym;

    private const string FallId = "/api/faelle/{fallId:guid}";

    public static IReadOnlyList<MatrixEndpunkt> Endpunkte { get; } =
    [
        // ---------------------------------------------------------------- Fälle without a Fall id
        //                                                                                       FM-A FM-B TL-A FM-A2 ABH  JC   BB   LG   DS   AD   ANB  anonym
        Allgemein("Aufnahme", "POST", "/api/faelle/", schreibend: true,                          "Ok   Ok   Ok   Ok    403  403  403  403  403  403  403  401"),
        Allgemein("FaelleListe", "GET", "/api/faelle/", schreibend: false,                       "Ok   Ok   Ok   Ok    Ok   Ok   Ok   403  403  403  403  401"),

        // ---------------------------------------------------------------- one Fall: reading
        //                                                       eigen fremd eingew. ohneEw. widerr. vertr.
        Fall("FallLesen", "GET", FallId, null, schreibend: false,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   Ok    Ok      404     404     404"),
            (Jc,     "404   Ok    Ok      404     404     404"),
            (Bb,     "404   Ok    Ok      404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("Ereignisse", "GET", FallId + "/ereignisse", null, schreibend: false,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   Ok    Ok      404     404     404"),
            (Jc,     "404   Ok    Ok      404     404     404"),
            (Bb,     "404   Ok    Ok      404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // Notes: FM own; TL reads; partners never (403 where they see the Fall).
        Fall("NotizenLesen", "GET", FallId + "/notizen", null, schreibend: false,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // ---------------------------------------------------------------- steps: FM own all tracks; TL 403; partner own track only
        Fall("SchrittProzess", "POST", FallId + "/schritte", "Prozess/Klaeren", schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("SchrittAufenthalt", "POST", FallId + "/schritte", "Aufenthalt/AsylSuchen", schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   Ok    Ok      404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("SchrittLeistungen", "POST", FallId + "/schritte", "Leistungen/AsylbLGBewilligen", schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   Ok    Ok      404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("SchrittBildung", "POST", FallId + "/schritte", "Bildung/ErstberatungDurchfuehren", schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   Ok    Ok      404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // Answer to the referral to JC: the receiving partner may Annehmen/Ablehnen/Erledigen; other partners 403.
        // FM-A on "widerrufen": authorised, but the referral's guard needs a valid JC consent (DOMAIN.md §3.5) → 409.
        Fall("SchrittUeberleitungAnnehmen", "POST", FallId + "/schritte", "Ueberleitung/Annehmen (Überleitung an JC)", schreibend: true,
            (FmA,    "-     404   Ok      -       409     -"),
            (FmB,    "-     Ok    404     -       404     -"),
            (TlA,    "-     404   403     -       403     -"),
            (FmA2,   "-     404   404     -       404     -"),
            (Abh,    "-     403   403     -       404     -"),
            (Jc,     "-     Ok    Ok      -       404     -"),
            (Bb,     "-     403   403     -       404     -"),
            (Lg,     "-     404   404     -       404     -"),
            (Ds,     "-     404   404     -       404     -"),
            (Ad,     "-     404   404     -       404     -"),
            (Anb,    "-     404   404     -       404     -"),
            (Anonym, "-     401   401     -       401     -")),

        // Declining needs no consent (no guard): FM-A may decline on "widerrufen" too; JC, whose consent is withdrawn, may not even see the Fall.
        Fall("SchrittUeberleitungAblehnen", "POST", FallId + "/schritte", "Ueberleitung/Ablehnen (Überleitung an JC)", schreibend: true,
            (FmA,    "-     404   Ok      -       Ok      -"),
            (FmB,    "-     Ok    404     -       404     -"),
            (TlA,    "-     404   403     -       403     -"),
            (FmA2,   "-     404   404     -       404     -"),
            (Abh,    "-     403   403     -       404     -"),
            (Jc,     "-     Ok    Ok      -       404     -"),
            (Bb,     "-     403   403     -       404     -"),
            (Lg,     "-     404   404     -       404     -"),
            (Ds,     "-     404   404     -       404     -"),
            (Ad,     "-     404   404     -       404     -"),
            (Anb,    "-     404   404     -       404     -"),
            (Anonym, "-     401   401     -       401     -")),

        // Withdrawing a referral is the case manager's, not the receiving partner's (partners: only Annehmen/Ablehnen/Erledigen).
        Fall("SchrittUeberleitungZurueckziehen", "POST", FallId + "/schritte", "Ueberleitung/Zurueckziehen (Überleitung an JC)", schreibend: true,
            (FmA,    "-     404   Ok      -       Ok      -"),
            (FmB,    "-     Ok    404     -       404     -"),
            (TlA,    "-     404   403     -       403     -"),
            (FmA2,   "-     404   404     -       404     -"),
            (Abh,    "-     403   403     -       404     -"),
            (Jc,     "-     403   403     -       404     -"),
            (Bb,     "-     403   403     -       404     -"),
            (Lg,     "-     404   404     -       404     -"),
            (Ds,     "-     404   404     -       404     -"),
            (Ad,     "-     404   404     -       404     -"),
            (Anb,    "-     404   404     -       404     -"),
            (Anonym, "-     401   401     -       401     -")),

        // ---------------------------------------------------------------- consents, Art. 13, profile, goals, follow-ups, notes, referral request: own; TL 403; P 403
        Fall("EinwilligungErteilen", "POST", FallId + "/einwilligungen", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("EinwilligungWiderrufen", "POST", FallId + "/einwilligungen/{einwilligungId:guid}/widerruf", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("Art13Vermerken", "PUT", FallId + "/art13-information", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        // Art. 16 DSGVO correction of the client's master data: as every write of case content, the case manager who leads (or deputises).
        Fall("KlientBerichtigen", "PUT", FallId + "/klient", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("KompetenzprofilErfassen", "PUT", FallId + "/kompetenzprofil", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("ZielVereinbaren", "POST", FallId + "/ziele", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("ZielBewerten", "POST", FallId + "/ziele/{zielId:guid}/bewertung", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("WiedervorlageAnlegen", "POST", FallId + "/wiedervorlagen", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("WiedervorlageErledigen", "POST", FallId + "/wiedervorlagen/{wiedervorlageId:guid}/erledigung", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("NotizVerfassen", "POST", FallId + "/notizen", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // Generative Themen on a Fall: flag and change of state with the rights of writing a note, the list with those of reading
        // notes. They change no Fall state (the Fall's version stays), so the rows are not "schreibend": they run on the shared Fälle.
        Fall("ThemaMelden", "POST", FallId + "/themen/", null, schreibend: false,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("ThemaStatusAendern", "PATCH", FallId + "/themen/{id:guid}", null, schreibend: false,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("ThemenDesFalls", "GET", FallId + "/themen/", null, schreibend: false,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     Ok"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // Referral request (to BB): authorised for FM own; where no valid BB consent exists the domain refuses it (409, DOMAIN.md §3.5).
        Fall("UeberleitungAnfragen", "POST", FallId + "/ueberleitungen", null, schreibend: true,
            (FmA,    "409   404   Ok      409     409     409"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "403   404   403     403     403     403"),
            (FmA2,   "404   404   404     404     404     409"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // ---------------------------------------------------------------- reassignment: TL (team) only; deputies: FM lead or TL (team)
        Fall("Zuweisen", "POST", FallId + "/zuweisung", null, schreibend: true,
            (FmA,    "403   404   403     403     403     403"),
            (FmB,    "404   403   404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     403"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("VertretungEinrichten", "POST", FallId + "/vertretungen", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     403"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("VertretungBeenden", "DELETE", FallId + "/vertretungen/{vertretungId:guid}", null, schreibend: true,
            (FmA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmB,    "404   Ok    404     404     404     404"),
            (TlA,    "Ok    404   Ok      Ok      Ok      Ok"),
            (FmA2,   "404   404   404     404     404     403"),
            (Abh,    "404   403   403     404     404     404"),
            (Jc,     "404   403   403     404     404     404"),
            (Bb,     "404   403   403     404     404     404"),
            (Lg,     "404   404   404     404     404     404"),
            (Ds,     "404   404   404     404     404     404"),
            (Ad,     "404   404   404     404     404     404"),
            (Anb,    "404   404   404     404     404     404"),
            (Anonym, "401   401   401     401     401     401")),

        // ---------------------------------------------------------------- holds (Sperrung, Art. 18 DSGVO): Datenschutz only, on every Fall of the tenant
        // (it sees no Fall otherwise); every other role is refused by the policy before the Fall is looked at.
        Fall("SperreSetzen", "POST", "/api/datenschutz/faelle/{fallId:guid}/sperre", null, schreibend: true,
            (FmA,    "403   403   403     403     403     403"),
            (FmB,    "403   403   403     403     403     403"),
            (TlA,    "403   403   403     403     403     403"),
            (FmA2,   "403   403   403     403     403     403"),
            (Abh,    "403   403   403     403     403     403"),
            (Jc,     "403   403   403     403     403     403"),
            (Bb,     "403   403   403     403     403     403"),
            (Lg,     "403   403   403     403     403     403"),
            (Ds,     "Ok    Ok    Ok      Ok      Ok      Ok"),
            (Ad,     "403   403   403     403     403     403"),
            (Anb,    "403   403   403     403     403     403"),
            (Anonym, "401   401   401     401     401     401")),
        Fall("SperreAufheben", "POST", "/api/datenschutz/faelle/{fallId:guid}/sperre/aufhebung", null, schreibend: true,
            (FmA,    "403   403   403     403     403     403"),
            (FmB,    "403   403   403     403     403     403"),
            (TlA,    "403   403   403     403     403     403"),
            (FmA2,   "403   403   403     403     403     403"),
            (Abh,    "403   403   403     403     403     403"),
            (Jc,     "403   403   403     403     403     403"),
            (Bb,     "403   403   403     403     403     403"),
            (Lg,     "403   403   403     403     403     403"),
            (Ds,     "Ok    Ok    Ok      Ok      Ok      Ok"),
            (Ad,     "403   403   403     403     403     403"),
            (Anb,    "403   403   403     403     403     403"),
            (Anonym, "401   401   401     401     401     401")),

        // Erasure on request (Art. 17 DSGVO): Datenschutz only; the scenario Fälle are open, so it passes the policy and is
        // refused by the Fall's state (409: a Fall is erased only once its process track is closed).
        Fall("LoeschungAufAntrag", "POST", "/api/datenschutz/faelle/{fallId:guid}/loeschung", null, schreibend: true,
            (FmA,    "403   403   403     403     403     403"),
            (FmB,    "403   403   403     403     403     403"),
            (TlA,    "403   403   403     403     403     403"),
            (FmA2,   "403   403   403     403     403     403"),
            (Abh,    "403   403   403     403     403     403"),
            (Jc,     "403   403   403     403     403     403"),
            (Bb,     "403   403   403     403     403     403"),
            (Lg,     "403   403   403     403     403     403"),
            (Ds,     "409   409   409     409     409     409"),
            (Ad,     "403   403   403     403     403     403"),
            (Anb,    "403   403   403     403     403     403"),
            (Anonym, "401   401   401     401     401     401")),

        // ---------------------------------------------------------------- everything else: one line per endpoint
        //                                                                                                    FM-A FM-B TL-A FM-A2 ABH  JC   BB   LG   DS   AD   anonym
        Allgemein("Diagramm", "GET", "/api/spuren/{spur}/diagramm", schreibend: false,                        "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),

        // The own account: every signed-in role (SECURITY.md: reachable even before the second factor is enrolled).
        Allgemein("Konto", "GET", "/api/konto/", schreibend: false,                                           "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("Abmelden", "POST", "/api/konto/abmeldung", schreibend: true,                               "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("ZweiFaktorSchluessel", "GET", "/api/konto/zwei-faktor", schreibend: false,                 "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("ZweiFaktorBestaetigen", "POST", "/api/konto/zwei-faktor", schreibend: true,                "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("Wiederherstellungscodes", "POST", "/api/konto/wiederherstellungscodes", schreibend: true,  "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("PasswortAendern", "POST", "/api/konto/passwort", schreibend: true,                         "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),

        // The team lead's workload: only the team lead (of their own team).
        Allgemein("TeamAuslastung", "GET", "/api/teamleitung/auslastung", schreibend: false,                   "403  403  Ok   403   403  403  403  403  403  403  403  401"),

        // The own inbox (HTTP and hub): every signed-in role; each user only ever reaches their own user group.
        Allgemein("BenachrichtigungenNachholen", "GET", "/api/benachrichtigungen/", schreibend: false,          "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("PosteingangStand", "GET", "/api/benachrichtigungen/stand", schreibend: false,               "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("BenachrichtigungGelesen", "POST", "/api/benachrichtigungen/{seq:long}/gelesen", schreibend: true, "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("AlleGelesen", "POST", "/api/benachrichtigungen/gelesen", schreibend: true,                  "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("HubAushandeln", "*", "/hubs/benachrichtigungen/negotiate", schreibend: false,                "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),
        Allgemein("HubVerbinden", "*", "/hubs/benachrichtigungen", schreibend: false,                           "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   401"),

        // Anonymous by design: sign-in, health, the OpenAPI document.
        Allgemein("Anmelden", "POST", "/api/anmeldung/", schreibend: true,                                    "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   Ok"),
        Allgemein("TokenErneuern", "POST", "/api/anmeldung/erneuern", schreibend: true,                       "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   Ok"),
        Allgemein("HealthLive", "*", "/health/live", schreibend: false,                                       "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   Ok"),
        Allgemein("HealthReady", "*", "/health/ready", schreibend: false,                                     "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   Ok"),
        Allgemein("OpenApi", "GET", "/openapi/{documentName}.json", schreibend: false,                        "Ok   Ok   Ok   Ok    Ok   Ok   Ok   Ok   Ok   Ok   Ok   Ok"),

        // Accounts, roles, teams: Administration only.
        Allgemein("BenutzerListe", "GET", "/api/admin/benutzer", schreibend: false,                           "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("BenutzerAnlegen", "POST", "/api/admin/benutzer", schreibend: true,                         "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("BenutzerDeaktivieren", "POST", "/api/admin/benutzer/{id}/deaktivierung", schreibend: true, "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("BenutzerAktivieren", "POST", "/api/admin/benutzer/{id}/aktivierung", schreibend: true,     "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("RollenSetzen", "PUT", "/api/admin/benutzer/{id}/rollen", schreibend: true,                 "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("Teams", "GET", "/api/admin/teams", schreibend: false,                                      "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("TeamAnlegen", "POST", "/api/admin/teams", schreibend: true,                                "403  403  403  403   403  403  403  403  403  Ok   403  401"),

        // Partner systems (machine clients of the token service, ADR 0010): Administration only.
        Allgemein("PartnersystemeListe", "GET", "/api/admin/partnersysteme/", schreibend: false,                                 "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("PartnersystemAnlegen", "POST", "/api/admin/partnersysteme/", schreibend: true,                                "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("PartnersystemGeheimnisErneuern", "POST", "/api/admin/partnersysteme/{clientId}/geheimnis", schreibend: true,  "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("PartnersystemDeaktivieren", "POST", "/api/admin/partnersysteme/{clientId}/deaktivierung", schreibend: true,    "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("PartnersystemAktivieren", "POST", "/api/admin/partnersysteme/{clientId}/aktivierung", schreibend: true,       "403  403  403  403   403  403  403  403  403  Ok   403  401"),

        // The own Kommune's settings (minimum group size, FTE, ideal flow, lead times; migration 0022): Administration only.
        // No Mandant in path or body: a Kommune's Administration reads and writes its own row only (cross-Mandant scenario:
        // AutorisierungsMatrixTests.Einstellungen_OfAnotherKommune_AreNeitherShownNorChanged).
        Allgemein("EinstellungenLesen", "GET", "/api/admin/einstellungen/", schreibend: false,                                  "403  403  403  403   403  403  403  403  403  Ok   403  401"),
        Allgemein("EinstellungenAendern", "PUT", "/api/admin/einstellungen/", schreibend: true,                                 "403  403  403  403   403  403  403  403  403  Ok   403  401"),

        // Mandanten of the installation (ADR 0014): the provider's administration only, not a Kommune's Administration.
        Allgemein("MandantenListe", "GET", "/api/anbieter/mandanten/", schreibend: false,                                        "403  403  403  403   403  403  403  403  403  403  Ok   401"),
        Allgemein("MandantAnlegen", "POST", "/api/anbieter/mandanten/", schreibend: true,                                        "403  403  403  403   403  403  403  403  403  403  Ok   401"),
        Allgemein("MandantDeaktivieren", "POST", "/api/anbieter/mandanten/{schluessel}/deaktivierung", schreibend: true,         "403  403  403  403   403  403  403  403  403  403  Ok   401"),
        Allgemein("MandantAktivieren", "POST", "/api/anbieter/mandanten/{schluessel}/aktivierung", schreibend: true,             "403  403  403  403   403  403  403  403  403  403  Ok   401"),

        // The Lenkungsgruppe's analyses and exports: aggregates only, Lenkungsgruppe only.
        Allgemein("AnalyseProzesslandkarte", "GET", "/api/analysen/prozesslandkarte", schreibend: false,     "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseVarianten", "GET", "/api/analysen/varianten", schreibend: false,                   "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseDauern", "GET", "/api/analysen/dauern", schreibend: false,                         "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseAbweichungen", "GET", "/api/analysen/abweichungen", schreibend: false,             "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseKennzahlen", "GET", "/api/analysen/kennzahlen", schreibend: false,                 "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseThemen", "GET", "/api/analysen/themen", schreibend: false,                         "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseCsv", "GET", "/api/analysen/csv/{tabelle}", schreibend: false,                     "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseXes", "GET", "/api/analysen/xes", schreibend: false,                               "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseEntscheidungen", "GET", "/api/analysen/entscheidungen", schreibend: false,         "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseEntscheidungErfassen", "POST", "/api/analysen/entscheidungen", schreibend: true,   "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseEntscheidungVergleich", "GET", "/api/analysen/entscheidungen/{id:guid}/vergleich", schreibend: false, "403  403  403  403   403  403  403  Ok   403  403  403  401"),
        Allgemein("AnalyseVergleich", "GET", "/api/analysen/vergleich", schreibend: false,                   "403  403  403  403   403  403  403  Ok   403  403  403  401"),

        // Consent register, audit trail, verification, retention overview: Datenschutz only.
        Allgemein("Einwilligungsregister", "GET", "/api/datenschutz/einwilligungen", schreibend: false,       "403  403  403  403   403  403  403  403  Ok   403  403  401"),
        Allgemein("Auditprotokoll", "GET", "/api/datenschutz/audit", schreibend: false,                       "403  403  403  403   403  403  403  403  Ok   403  403  401"),
        Allgemein("AuditPruefung", "GET", "/api/datenschutz/audit/pruefung", schreibend: false,               "403  403  403  403   403  403  403  403  Ok   403  403  401"),
        Allgemein("Aufbewahrungsuebersicht", "GET", "/api/datenschutz/aufbewahrung", schreibend: false,       "403  403  403  403   403  403  403  403  Ok   403  403  401"),
        Allgemein("Loeschvorschau", "GET", "/api/datenschutz/aufbewahrung/vorschau", schreibend: false,       "403  403  403  403   403  403  403  403  Ok   403  403  401"),

        // Art. 15 copy of the scenario Fall's client, the search that finds it, the Art. 30 record: Datenschutz only (ADR 0009).
        Fall("Auskunft", "GET", "/api/datenschutz/klienten/{klientId:guid}/auskunft", null, schreibend: false,
            (FmA,    "403   403   403     403     403     403"),
            (FmB,    "403   403   403     403     403     403"),
            (TlA,    "403   403   403     403     403     403"),
            (FmA2,   "403   403   403     403     403     403"),
            (Abh,    "403   403   403     403     403     403"),
            (Jc,     "403   403   403     403     403     403"),
            (Bb,     "403   403   403     403     403     403"),
            (Lg,     "403   403   403     403     403     403"),
            (Ds,     "Ok    Ok    Ok      Ok      Ok      Ok"),
            (Ad,     "403   403   403     403     403     403"),
            (Anb,    "403   403   403     403     403     403"),
            (Anonym, "401   401   401     401     401     401")),
        Allgemein("KlientSuche", "GET", "/api/datenschutz/klienten", schreibend: false,                        "403  403  403  403   403  403  403  403  Ok   403  403  401"),
        Allgemein("Verarbeitungsverzeichnis", "GET", "/api/datenschutz/verarbeitungsverzeichnis", schreibend: false, "403  403  403  403   403  403  403  403  Ok   403  403  401"),
        Allgemein("Sperren", "GET", "/api/datenschutz/sperren", schreibend: false,                            "403  403  403  403   403  403  403  403  Ok   403  403  401"),
    ];

    public static MatrixEndpunkt Finden(string anzeige) =>
        Endpunkte.SingleOrDefault(e => e.Anzeige == anzeige) ?? throw new InvalidOperationException($"Kein Matrixeintrag „{anzeige}“.");

    public static string Bezeichnung(MatrixRolle rolle) => rolle switch
    {
        MatrixRolle.FmA => "FM-A",
        MatrixRolle.FmB => "FM-B",
        MatrixRolle.TlA => "TL-A",
        MatrixRolle.FmA2 => "FM-A2",
        MatrixRolle.PartnerAbh => "P-ABH",
        MatrixRolle.PartnerJc => "P-JC",
        MatrixRolle.PartnerBb => "P-BB",
        MatrixRolle.Lenkungsgruppe => "LG",
        MatrixRolle.Datenschutz => "DS",
        MatrixRolle.Administration => "AD",
        MatrixRolle.Anbieter => "ANB",
        MatrixRolle.Anonym => "anonym",
        _ => throw new ArgumentOutOfRangeException(nameof(rolle), rolle, null),
    };

    public static MatrixRolle RolleAus(string bezeichnung) =>
        Rollen.Single(r => Bezeichnung(r) == bezeichnung);

    public static string Bezeichnung(MatrixSzenario? szenario) => szenario switch
    {
        null => "—",
        MatrixSzenario.Eigen => "eigen",
        MatrixSzenario.Fremd => "fremd",
        MatrixSzenario.Eingewilligt => "eingewilligt",
        MatrixSzenario.OhneEinwilligung => "ohneEinwilligung",
        MatrixSzenario.Widerrufen => "widerrufen",
        MatrixSzenario.Vertreten => "vertreten",
        MatrixSzenario.AndererMandant => "andererMandant",
        _ => throw new ArgumentOutOfRangeException(nameof(szenario), szenario, null),
    };

    public static MatrixSzenario? SzenarioAus(string bezeichnung) =>
        bezeichnung == "—" ? null : AlleSzenarien.Single(s => Bezeichnung(s) == bezeichnung);

    public static string Bezeichnung(MatrixErgebnis ergebnis) => ergebnis switch
    {
        MatrixErgebnis.Ok => "Ok",
        MatrixErgebnis.NichtAngemeldet401 => "401",
        MatrixErgebnis.Verboten403 => "403",
        MatrixErgebnis.NichtGefunden404 => "404",
        MatrixErgebnis.Konflikt409 => "409",
        _ => throw new ArgumentOutOfRangeException(nameof(ergebnis), ergebnis, null),
    };

    public static MatrixErgebnis ErgebnisAus(string bezeichnung)
    {
        foreach (var ergebnis in Enum.GetValues<MatrixErgebnis>())
        {
            if (Bezeichnung(ergebnis) == bezeichnung)
            {
                return ergebnis;
            }
        }

        throw new InvalidOperationException($"Unbekanntes Ergebnis „{bezeichnung}“ in der Matrix.");
    }

    /// <summary>What an HTTP status means in the matrix's terms; null for anything the matrix never expects (400, 500, …).</summary>
    public static MatrixErgebnis? Einordnen(int status) => status switch
    {
        >= 200 and < 300 => MatrixErgebnis.Ok,
        401 => MatrixErgebnis.NichtAngemeldet401,
        403 => MatrixErgebnis.Verboten403,
        404 => MatrixErgebnis.NichtGefunden404,
        409 => MatrixErgebnis.Konflikt409,
        _ => null,
    };

    private static MatrixEndpunkt Fall(string name, string methode, string muster, string? variante, bool schreibend, params (MatrixRolle Rolle, string Zeile)[] zeilen)
    {
        var zellen = new Dictionary<(MatrixRolle, MatrixSzenario?), MatrixErgebnis>();
        foreach (var (rolle, zeile) in zeilen)
        {
            var werte = Teilen(zeile);
            if (werte.Length != Spalten.Length)
            {
                throw new InvalidOperationException($"{name}, {Bezeichnung(rolle)}: {werte.Length} Spalten statt {Spalten.Length}.");
            }

            for (var i = 0; i < Spalten.Length; i++)
            {
                if (werte[i] != "-" && !zellen.TryAdd((rolle, Spalten[i]), ErgebnisAus(werte[i])))
                {
                    throw new InvalidOperationException($"{name}: die Rolle {Bezeichnung(rolle)} steht zweimal in der Matrix.");
                }
            }

            // Another Kommune's Fall (ADR 0014): invisible to every role that may see some Fall here (404, like a Fall
            // that does not exist), refused where the whole line is refused (403), 401 without sign-in.
            zellen[(rolle, MatrixSzenario.AndererMandant)] = rolle == MatrixRolle.Anonym ? MatrixErgebnis.NichtAngemeldet401
                : werte.All(w => w == "403") ? MatrixErgebnis.Verboten403
                : MatrixErgebnis.NichtGefunden404;
        }

        var fehlend = Rollen.Where(r => zeilen.All(z => z.Rolle != r)).ToArray();
        if (fehlend.Length > 0)
        {
            throw new InvalidOperationException($"{name}: keine Zeile für {string.Join(", ", fehlend.Select(r => Bezeichnung(r)))}.");
        }

        return new MatrixEndpunkt(name, methode, muster, variante, schreibend, FallBezogen: true, zellen);
    }

    private static MatrixEndpunkt Allgemein(string name, string methode, string muster, bool schreibend, string zeile)
    {
        var werte = Teilen(zeile);
        if (werte.Length != Rollen.Length)
        {
            throw new InvalidOperationException($"{name}: {werte.Length} Spalten statt {Rollen.Length}.");
        }

        var zellen = Rollen.Select((r, i) => (Rolle: r, Wert: ErgebnisAus(werte[i])))
            .ToDictionary(x => (x.Rolle, (MatrixSzenario?)null), x => x.Wert);
        return new MatrixEndpunkt(name, methode, muster, null, schreibend, FallBezogen: false, zellen);
    }

    private static string[] Teilen(string zeile) => zeile.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
