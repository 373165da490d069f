using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Faelle.Aufnahme;
using Kim.Casemanagement.Application.Faelle.Einwilligungen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>
/// Intake in four steps (person, starting position on the tracks, consents, check) without JavaScript: every step's
/// fields travel with the form, only the current step is shown. The last step runs the same use case as POST /api/faelle;
/// its refusals are shown next to the fields (and the form returns to the step that holds the field).
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Sicherheit.SicherheitsKonfiguration.PolitikAufnahme)]
public sealed class AufnahmeModel(AufnahmeHandler aufnahme, IKalender kalender) : KimSeite
{
    public static readonly IReadOnlyList<string> Schrittnamen = ["Person", "Ausgangslage", "Einwilligungen", "Prüfen und aufnehmen"];

    public static readonly IReadOnlyList<(Empfaenger Empfaenger, string Bezeichnung, Datenkategorie[] Kategorien)> Empfaengerliste =
    [
        (Empfaenger.CaseManagement, "Case Management (Teilnahme am KIM-Case-Management)", [Datenkategorie.Stammdaten, Datenkategorie.Aufenthalt, Datenkategorie.Leistungen, Datenkategorie.Bildung, Datenkategorie.Kompetenzprofil]),
        (Empfaenger.Auslaenderbehoerde, "Ausländerbehörde", [Datenkategorie.Stammdaten, Datenkategorie.Aufenthalt]),
        (Empfaenger.Jobcenter, "Jobcenter", [Datenkategorie.Stammdaten, Datenkategorie.Leistungen, Datenkategorie.Kompetenzprofil]),
        (Empfaenger.Bildungsberatung, "Bildungsberatung", [Datenkategorie.Stammdaten, Datenkategorie.Bildung, Datenkategorie.Kompetenzprofil]),
    ];

    [BindProperty]
    public int Schritt { get; set; } = 1;

    [BindProperty]
    public AufnahmeEingabe Eingabe { get; set; } = new();

    public void OnGet()
    {
        Eingabe.Aufnahmedatum = kalender.Heute;
        Eingabe.Art13InformiertAm = kalender.Heute;
        Eingabe.EinwilligungGueltigAb = kalender.Heute;
        Eingabe.Empfaenger = [Empfaenger.CaseManagement];
    }

    public async Task<IActionResult> OnPostAsync(string? aktion, CancellationToken ct)
    {
        ModelState.Clear();
        if (aktion == "zurueck")
        {
            Schritt = Math.Max(1, Schritt - 1);
            return Page();
        }

        if (aktion != "aufnehmen")
        {
            if (SchrittPruefen(Schritt))
            {
                Schritt = Math.Min(Schrittnamen.Count, Schritt + 1);
            }

            return Page();
        }

        for (var s = 1; s < Schrittnamen.Count; s++)
        {
            if (!SchrittPruefen(s))
            {
                Schritt = s;
                return Page();
            }
        }

        AufnahmeErgebnis? ergebnis = null;
        if (await VersuchenAsync(async () => ergebnis = await aufnahme.HandleAsync(Eingabe.AlsBefehl(), ct), "Eingabe."))
        {
            Erfolgsmeldung = $"Der Fall {ergebnis!.Aktenzeichen} ist aufgenommen.";
            return Redirect($"/Faelle/{ergebnis.FallId}");
        }

        Schritt = ModelState.Keys.Select(SchrittDesFelds).DefaultIfEmpty(Schrittnamen.Count).Min();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static int SchrittDesFelds(string feld) =>
        feld.StartsWith("Eingabe.Klient", StringComparison.Ordinal) || feld == "Eingabe.Aufnahmedatum" ? 1
        : feld.StartsWith("Eingabe.Einwilligungen", StringComparison.Ordinal) || feld.StartsWith("Eingabe.Art13", StringComparison.Ordinal) || feld.StartsWith("Eingabe.Einwilligung", StringComparison.Ordinal) ? 3
        : feld.StartsWith("Eingabe.", StringComparison.Ordinal) ? 2
        : Schrittnamen.Count;

    /// <summary>Presence checks of one step (the use case checks the rest when the form is sent).</summary>
    private bool SchrittPruefen(int schritt)
    {
        void Pflicht(bool vorhanden, string feld, string text)
        {
            if (!vorhanden)
            {
                ModelState.AddModelError("Eingabe." + feld, text);
            }
        }

        switch (schritt)
        {
            case 1:
                Pflicht(!string.IsNullOrWhiteSpace(Eingabe.Klient.Vorname), "Klient.Vorname", "Bitte geben Sie den Vornamen an.");
                Pflicht(!string.IsNullOrWhiteSpace(Eingabe.Klient.Nachname), "Klient.Nachname", "Bitte geben Sie den Nachnamen an.");
                Pflicht(Eingabe.Klient.Geburtsdatum is not null, "Klient.Geburtsdatum", "Bitte geben Sie das Geburtsdatum an (TT.MM.JJJJ).");
                Pflicht(!string.IsNullOrWhiteSpace(Eingabe.Klient.Herkunftsland), "Klient.Herkunftsland", "Bitte geben Sie das Herkunftsland an.");
                Pflicht(Eingabe.Aufnahmedatum is not null, "Aufnahmedatum", "Bitte geben Sie das Aufnahmedatum an.");
                if (Eingabe.Klient.Geburtsdatum is { } g && Eingabe.Aufnahmedatum is { } a && g > a)
                {
                    ModelState.AddModelError("Eingabe.Klient.Geburtsdatum", "Das Geburtsdatum liegt nach dem Aufnahmedatum.");
                }

                break;
            case 3:
                if (Eingabe.Empfaenger.Count > 0)
                {
                    Pflicht(!string.IsNullOrWhiteSpace(Eingabe.FormularReferenz), "FormularReferenz", "Bitte geben Sie die Referenz des unterschriebenen Einwilligungsformulars an.");
                    Pflicht(Eingabe.EinwilligungGueltigAb is not null, "EinwilligungGueltigAb", "Bitte geben Sie an, ab wann die Einwilligung gilt.");
                }

                break;
        }

        return ModelState.ErrorCount == 0;
    }

    /// <summary>Everything the intake form asks.</summary>
    public sealed class AufnahmeEingabe
    {
        public KlientEingabe Klient { get; set; } = new();

        public DateOnly? Aufnahmedatum { get; set; }

        public AufenthaltZustand Aufenthaltsstatus { get; set; } = AufenthaltZustand.KeinStatus;

        public DateOnly? AufenthaltSeit { get; set; }

        public DateOnly? AufenthaltGueltigBis { get; set; }

        public LeistungenZustand Leistungsstatus { get; set; } = LeistungenZustand.KeinLeistungsbezug;

        public BildungZustand Bildungsstand { get; set; } = BildungZustand.KeineBeratung;

        public Sprachniveau? Deutschniveau { get; set; }

        public List<Empfaenger> Empfaenger { get; set; } = [];

        public string? Zweck { get; set; } = "Rechtskreisübergreifendes Case Management KIM";

        public DateOnly? EinwilligungGueltigAb { get; set; }

        public string? FormularReferenz { get; set; }

        public DateOnly? Art13InformiertAm { get; set; }

        public string? Notiz { get; set; }

        public AufnahmeBefehl AlsBefehl() => new(
            new KlientAngaben(Klient.Vorname ?? string.Empty, Klient.Nachname ?? string.Empty, Klient.Geburtsdatum ?? default, Klient.Geschlecht, Klient.Herkunftsland ?? string.Empty, Klient.Einreisedatum, null, Klient.MinderjaehrigeKinder ?? 0),
            Aufnahmedatum ?? default,
            null,
            Aufenthaltsstatus,
            AufenthaltSeit,
            null,
            AufenthaltGueltigBis,
            null,
            Leistungsstatus,
            null,
            Bildungsstand,
            null,
            Deutschniveau,
            Empfaenger.Distinct().Select(e => new EinwilligungAngaben(e, Empfaengerliste.First(x => x.Empfaenger == e).Kategorien, Zweck ?? string.Empty, EinwilligungGueltigAb ?? default, null, FormularReferenz ?? string.Empty)).ToArray(),
            Art13InformiertAm,
            string.IsNullOrWhiteSpace(Notiz) ? null : Notiz);
    }
}
