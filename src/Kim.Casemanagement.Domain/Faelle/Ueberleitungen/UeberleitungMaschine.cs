using Kim.Casemanagement.Domain.Common;
using static Kim.Casemanagement.Domain.Faelle.Ueberleitungen.UeberleitungTrigger;
using static Kim.Casemanagement.Domain.Faelle.Ueberleitungen.UeberleitungZustand;

namespace Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

/// <summary>The referral machine (DOMAIN.md §3.5): blocked without a valid consent for the receiving authority.</summary>
internal sealed class UeberleitungMaschine : Spurmaschine<UeberleitungZustand, UeberleitungTrigger>
{
    /// <summary>The track's registry entry: one machine per referral, kept by the referral.</summary>
    internal static readonly Spurdefinition<UeberleitungZustand, UeberleitungTrigger> Definition = new(
        Spur.Ueberleitung,
        "Überleitung",
        null,
        (fall, ueberleitungId) => fall.Ueberleitung(ueberleitungId).Maschine(fall),
        () => new UeberleitungMaschine(Fall.Leer(), Ueberleitung.Entwerfen(Guid.Empty, Guid.Empty, Behoerde.Jobcenter, "Beschreibung", "system", default, default)),
        UeberleitungKatalog.Bezeichnung,
        UeberleitungKatalog.Schritt,
        (fall, ueberleitungId) => fall.Ueberleitungen.FirstOrDefault(u => u.Id == ueberleitungId)?.Seit ?? fall.AufgenommenAm,
        null,
        null);

    public UeberleitungMaschine(Fall fall, Ueberleitung ueberleitung)
        : base(Spur.Ueberleitung, fall, ueberleitung.Id, () => ueberleitung.Zustand, z => ueberleitung.Zustand = z, d => ueberleitung.Seit = d)
    {
        var einwilligung = Bedingungen.EinwilligungFuer(ueberleitung.Empfaenger);
        Erlaube(Entwurf, Anfragen, Angefragt, einwilligung);
        Erlaube(Angefragt, Annehmen, Angenommen, einwilligung);
        Erlaube(Angefragt, Ablehnen, Abgelehnt);
        Erlaube(Angefragt, Zurueckziehen, Zurueckgezogen);
        Erlaube(Angenommen, Erledigen, Erledigt);
        Erlaube(Angenommen, Zurueckziehen, Zurueckgezogen);
        Konfigurieren(Abgelehnt);
        Konfigurieren(Erledigt);
        Konfigurieren(Zurueckgezogen);
    }
}
