using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Faelle.Art13;
using Kim.Casemanagement.Application.Faelle.Einwilligungen;
using Kim.Casemanagement.Application.Faelle.Ereignisse;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Faelle.Kompetenzprofile;
using Kim.Casemanagement.Application.Faelle.Notizen;
using Kim.Casemanagement.Application.Faelle.Ueberleitungen;
using Kim.Casemanagement.Application.Faelle.Wiedervorlagen;
using Kim.Casemanagement.Application.Faelle.Ziele;
using Kim.Casemanagement.Application.Faelle.Zustaendigkeit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Kim.Casemanagement.Web.Oberflaeche;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Casemanagement.Web.Pages.Faelle;

/// <summary>
/// The Fallakte: client data, consents, the four tracks with their possible and blocked steps, timeline, profile,
/// goals, follow-ups, notes, referrals, responsibility. Reads and writes go through the same use cases (and so the same
/// record-level authorisation) as the API; a Fall the user may not see is a 404 page. Every write sends the version the
/// page showed, so a change by someone else in between is a clear message instead of a silent overwrite.
/// </summary>
public sealed class AkteModel(
    FallAnzeigenHandler fall,
    EreignisseHandler ereignisse,
    NotizenHandler notizen,
    EinwilligungHandler einwilligungen,
    Art13Handler art13,
    KompetenzprofilHandler profil,
    ZielHandler ziele,
    WiedervorlageHandler wiedervorlagen,
    NotizHandler notiz,
    UeberleitungHandler ueberleitungen,
    ZustaendigkeitHandler zustaendigkeit,
    BenutzerVerwaltung benutzer,
    IAktuellerBenutzer ich,
    IKalender kalender) : KimSeite
{
    public FallDetail Fall { get; private set; } = null!;

    public IReadOnlyList<EreignisDetail> Ereignisse { get; private set; } = [];

    public IReadOnlyList<NotizDetail>? Notizen { get; private set; }

    /// <summary>Staff names by id (case managers, deputies, authors).</summary>
    public Dictionary<string, string> Namen { get; } = [];

    /// <summary>Case managers of the Fall's team (for deputies and reassignment).</summary>
    public IReadOnlyList<BenutzerZeile> TeamFallmanager { get; private set; } = [];

    public DateOnly Heute => kalender.Heute;

    public bool IstVoll => Fall.Sicht == "Voll";

    /// <summary>False while the Fall is held (Art. 18 DSGVO): then the page shows no control that would change it.</summary>
    public bool Aenderbar => Fall.Sperre is null;

    public bool DarfBearbeiten => IstVoll && User.IsInRole("Fallmanagement") && Aenderbar;

    /// <summary>The team lead's controls (reassignment, deputies); none on a held Fall.</summary>
    public bool IstTeamleitung => IstVoll && User.IsInRole("Teamleitung") && Aenderbar;

    public bool DarfSchritte => Aenderbar && (DarfBearbeiten || (Fall.Sicht == "Partner" && User.IsInRole("Partner")));

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public EinwilligungEingabe NeueEinwilligung { get; set; } = new();

    [BindProperty]
    public ProfilEingabe Profil { get; set; } = new();

    [BindProperty]
    public ZielEingabe NeuesZiel { get; set; } = new();

    [BindProperty]
    public WiedervorlageEingabe NeueWiedervorlage { get; set; } = new();

    [BindProperty]
    public NotizEingabe NeueNotiz { get; set; } = new();

    [BindProperty]
    public UeberleitungEingabe NeueUeberleitung { get; set; } = new();

    [BindProperty]
    public VertretungEingabe NeueVertretung { get; set; } = new();

    [BindProperty]
    public string? NeuerFallmanager { get; set; }

    [BindProperty]
    public DateOnly? Art13Am { get; set; }

    public async Task OnGetAsync(Guid fallId, CancellationToken ct)
    {
        await LadenAsync(fallId, ct);
        if (Fall.Kompetenzprofil is { } p)
        {
            Profil = ProfilEingabe.Aus(p, Heute);
        }
    }

    public Task<IActionResult> OnPostEinwilligungAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "einwilligungen", "Die Einwilligung ist erfasst.", nameof(NeueEinwilligung) + ".", () =>
            einwilligungen.ErteilenAsync(fallId, NeueEinwilligung.Angaben(), Version, ct), ct);

    public Task<IActionResult> OnPostWiderrufAsync(Guid fallId, Guid einwilligungId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "einwilligungen", "Die Einwilligung ist widerrufen.", string.Empty, () =>
            einwilligungen.WiderrufenAsync(fallId, einwilligungId, Version, ct), ct);

    public Task<IActionResult> OnPostArt13Async(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "einwilligungen", "Die Information nach Art. 13 DSGVO ist vermerkt.", string.Empty, () =>
            art13.VermerkenAsync(fallId, Art13Am ?? Heute, Version, ct), ct);

    public Task<IActionResult> OnPostProfilAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "kompetenzprofil", "Das Kompetenzprofil ist gespeichert.", nameof(Profil) + ".", () =>
            profil.ErfassenAsync(fallId, Profil.AlsProfil(), Profil.Am ?? Heute, Version, ct), ct);

    public Task<IActionResult> OnPostZielAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "ziele", "Das Ziel ist vereinbart.", nameof(NeuesZiel) + ".", () =>
            ziele.VereinbarenAsync(fallId, NeuesZiel.Was ?? string.Empty, NeuesZiel.BisWann ?? default, NeuesZiel.Wer ?? string.Empty, NeuesZiel.Messgroesse, NeuesZiel.VereinbartAm ?? Heute, Version, ct), ct);

    public Task<IActionResult> OnPostBewertungAsync(Guid fallId, Guid zielId, ZielBewertung bewertung, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "ziele", "Die Zielerreichung ist bewertet.", string.Empty, () =>
            ziele.BewertenAsync(fallId, zielId, bewertung, Heute, Version, ct), ct);

    public Task<IActionResult> OnPostWiedervorlageAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "wiedervorlagen", "Die Wiedervorlage ist angelegt.", nameof(NeueWiedervorlage) + ".", () =>
            wiedervorlagen.AnlegenAsync(fallId, NeueWiedervorlage.Faellig ?? default, NeueWiedervorlage.Betreff ?? string.Empty, null, Version, ct), ct);

    public Task<IActionResult> OnPostErledigtAsync(Guid fallId, Guid wiedervorlageId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "wiedervorlagen", "Die Wiedervorlage ist erledigt.", string.Empty, () =>
            wiedervorlagen.ErledigenAsync(fallId, wiedervorlageId, Version, ct), ct);

    public Task<IActionResult> OnPostNotizAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "notizen", "Die Notiz ist gespeichert.", nameof(NeueNotiz) + ".", () =>
            notiz.VerfassenAsync(fallId, NeueNotiz.Text ?? string.Empty, NeueNotiz.KontaktAm, Version, ct), ct);

    public Task<IActionResult> OnPostUeberleitungAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "ueberleitungen", "Die Überleitung ist angefragt.", nameof(NeueUeberleitung) + ".", () =>
            ueberleitungen.AnfragenAsync(fallId, NeueUeberleitung.Empfaenger ?? default, NeueUeberleitung.Anliegen ?? string.Empty, NeueUeberleitung.Datum ?? Heute, NeueUeberleitung.Notiz, Version, ct), ct);

    public Task<IActionResult> OnPostZuweisungAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "zustaendigkeit", "Der Fall ist neu zugewiesen.", string.Empty, () =>
            zustaendigkeit.ZuweisenAsync(fallId, NeuerFallmanager ?? string.Empty, Version, ct), ct);

    public Task<IActionResult> OnPostVertretungAsync(Guid fallId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "zustaendigkeit", "Die Vertretung ist eingerichtet.", nameof(NeueVertretung) + ".", () =>
            zustaendigkeit.VertretungEinrichtenAsync(fallId, NeueVertretung.BenutzerId ?? string.Empty, NeueVertretung.Von ?? Heute, NeueVertretung.Bis ?? default, Version, ct), ct);

    public Task<IActionResult> OnPostVertretungEndeAsync(Guid fallId, Guid vertretungId, CancellationToken ct) =>
        AusfuehrenAsync(fallId, "zustaendigkeit", "Die Vertretung ist beendet.", string.Empty, () =>
            zustaendigkeit.VertretungBeendenAsync(fallId, vertretungId, Version, ct), ct);

    public string Name(string? id) => id is null ? "nicht zugewiesen" : Namen.TryGetValue(id, out var n) ? n : id;

    private async Task<IActionResult> AusfuehrenAsync(Guid fallId, string anker, string erfolg, string praefix, Func<Task> aktion, CancellationToken ct)
    {
        if (await VersuchenAsync(aktion, praefix))
        {
            Erfolgsmeldung = erfolg;
            return Redirect($"/Faelle/{fallId}#{anker}");
        }

        await LadenAsync(fallId, ct);
        Response.StatusCode = Fehlerstatus;
        return Page();
    }

    private async Task LadenAsync(Guid fallId, CancellationToken ct)
    {
        Fall = await fall.HandleAsync(fallId, ct);
        ViewData["FallId"] = Fall.Id;
        ModelState.Remove(nameof(Version));
        Version = Fall.Version;
        Ereignisse = await ereignisse.HandleAsync(fallId, ct);
        if (IstVoll)
        {
            Notizen = await notizen.HandleAsync(fallId, ct);
            var alle = await benutzer.ListeAsync(ich.Mandant, ct);
            foreach (var b in alle)
            {
                Namen[b.Id] = b.Anzeigename;
            }

            TeamFallmanager = alle.Where(b => b.Aktiv && b.TeamId == Fall.TeamId && b.Rollen.Contains("Fallmanagement")).OrderBy(b => b.Anzeigename, StringComparer.CurrentCulture).ToArray();
        }
    }

    /// <summary>Consent form.</summary>
    public sealed class EinwilligungEingabe
    {
        public Empfaenger? Empfaenger { get; set; }

        public List<Datenkategorie> Datenkategorien { get; set; } = [];

        public string? Zweck { get; set; }

        public DateOnly? GueltigAb { get; set; }

        public DateOnly? GueltigBis { get; set; }

        public string? FormularReferenz { get; set; }

        public EinwilligungAngaben Angaben() =>
            new(Empfaenger ?? (Domain.Einwilligungen.Empfaenger)(-1), Datenkategorien, Zweck ?? string.Empty, GueltigAb ?? default, GueltigBis, FormularReferenz ?? string.Empty);
    }

    /// <summary>Competence profile form.</summary>
    public sealed class ProfilEingabe
    {
        public Sprachniveau Deutschniveau { get; set; }

        public bool? AlphabetisierungNoetig { get; set; }

        public int? Schuljahre { get; set; }

        public string? Schulabschluss { get; set; }

        public int? BerufserfahrungJahre { get; set; }

        /// <summary>Other languages, comma separated.</summary>
        public string? Sprachen { get; set; }

        public DateOnly? Am { get; set; }

        public static ProfilEingabe Aus(Kompetenzprofil p, DateOnly heute) => new()
        {
            Deutschniveau = p.Deutschniveau,
            AlphabetisierungNoetig = p.AlphabetisierungNoetig,
            Schuljahre = p.Schuljahre,
            Schulabschluss = p.Schulabschluss,
            BerufserfahrungJahre = p.BerufserfahrungJahre,
            Sprachen = string.Join(", ", p.Sprachen),
            Am = heute,
        };

        public Kompetenzprofil AlsProfil() => new()
        {
            Deutschniveau = Deutschniveau,
            AlphabetisierungNoetig = AlphabetisierungNoetig,
            Schuljahre = Schuljahre,
            Schulabschluss = string.IsNullOrWhiteSpace(Schulabschluss) ? null : Schulabschluss.Trim(),
            BerufserfahrungJahre = BerufserfahrungJahre,
            Sprachen = (Sprachen ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        };
    }

    /// <summary>Goal form (SMART: what, by when, who).</summary>
    public sealed class ZielEingabe
    {
        public string? Was { get; set; }

        public DateOnly? BisWann { get; set; }

        public string? Wer { get; set; }

        public string? Messgroesse { get; set; }

        public DateOnly? VereinbartAm { get; set; }
    }

    /// <summary>Follow-up form.</summary>
    public sealed class WiedervorlageEingabe
    {
        public DateOnly? Faellig { get; set; }

        public string? Betreff { get; set; }
    }

    /// <summary>Note form.</summary>
    public sealed class NotizEingabe
    {
        public string? Text { get; set; }

        public DateOnly? KontaktAm { get; set; }
    }

    /// <summary>Referral form.</summary>
    public sealed class UeberleitungEingabe
    {
        public Behoerde? Empfaenger { get; set; }

        public string? Anliegen { get; set; }

        public DateOnly? Datum { get; set; }

        public string? Notiz { get; set; }
    }

    /// <summary>Deputy form.</summary>
    public sealed class VertretungEingabe
    {
        public string? BenutzerId { get; set; }

        public DateOnly? Von { get; set; }

        public DateOnly? Bis { get; set; }
    }
}
