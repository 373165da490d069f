using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using static Kim.Casemanagement.Domain.Faelle.Ueberleitungen.UeberleitungTrigger;
using static Kim.Casemanagement.Domain.Faelle.Ueberleitungen.UeberleitungZustand;

namespace Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

/// <summary>The referral machine (DOMAIN.md §3.5): blocked without a valid consent for the receiving authority.</summary>
internal sealed class UeberleitungMaschine : Spurmaschine<UeberleitungZustand, UeberleitungTrigger>
{
    /// <summary>The track's registry entry: a Fall has this track once per referral; the machine is shared per receiving authority.</summary>
    internal static readonly Spurdefinition<UeberleitungZustand, UeberleitungTrigger> Definition = new(
        Spur.Ueberleitung,
        "Überleitung",
        "Überleitung",
        Datenkategorie.Stammdaten,
        null,
        (_, ueberleitung) => Fuer(ueberleitung!.Empfaenger),
        () => Fuer(Behoerde.Jobcenter),
        UeberleitungKatalog.Bezeichnung,
        UeberleitungKatalog.Schritt,
        jeUeberleitung: true);

    // One configuration per receiving authority (the consent guard names it), shared by all referrals to it.
    private static readonly Dictionary<Behoerde, Lazy<UeberleitungMaschine>> JeEmpfaenger =
        Enum.GetValues<Behoerde>().ToDictionary(b => b, b => new Lazy<UeberleitungMaschine>(() => new UeberleitungMaschine(b)));

    private UeberleitungMaschine(Behoerde empfaenger)
        : base(Spur.Ueberleitung, (_, u) => u?.Zustand ?? default, (_, u, z) => u!.Zustand = z, (f, u) => u?.Seit ?? f.AufgenommenAm, (_, u, d) => u!.Seit = d)
    {
        var einwilligung = Bedingungen.EinwilligungFuer(empfaenger);
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

    /// <summary>The shared machine of referrals to <paramref name="empfaenger"/>.</summary>
    internal static UeberleitungMaschine Fuer(Behoerde empfaenger) => JeEmpfaenger[empfaenger].Value;
}
