using Kim.Casemanagement.Domain.Common;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>Fills the defaults (tracks without an ideal flow, no milestones) and validates the analysis options at start-up.</summary>
public sealed class AnalysenOptionenPruefung : IPostConfigureOptions<AnalysenOptionen>, IValidateOptions<AnalysenOptionen>
{
    public void PostConfigure(string? name, AnalysenOptionen options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var spur in Enum.GetValues<Spur>())
        {
            if (!options.Idealverlauf.ContainsKey(spur))
            {
                options.Idealverlauf[spur] = AnalysenStandards.Idealverlauf(spur);
            }
        }

        if (options.Meilensteine.Count == 0)
        {
            options.Meilensteine = AnalysenStandards.Meilensteine();
        }
    }

    /// <summary>
    /// What is wrong with one track's ideal flow, in German (empty: nothing): every state of a path and every waiting state
    /// must be a state of that track. The installation's configuration (at start-up) and a Kommune's override
    /// (<see cref="Einstellungen.MandantEinstellungen"/>) are checked by this one rule.
    /// </summary>
    public static IEnumerable<string> IdealverlaufPruefen(Spur spur, IdealverlaufSpur ideal)
    {
        ArgumentNullException.ThrowIfNull(ideal);
        foreach (var zustand in ideal.Zustaende().Concat(ideal.Wartezustaende).Distinct(StringComparer.Ordinal))
        {
            if (!Spurzustaende.IstGueltig(spur, zustand))
            {
                yield return $"„{zustand}“ ist kein Zustand dieser Spur.";
            }
        }
    }

    public ValidateOptionsResult Validate(string? name, AnalysenOptionen options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fehler = new List<string>();
        if (options.Mindestgroesse < 2)
        {
            fehler.Add("Analysen:Mindestgroesse muss mindestens 2 sein (1 hieße: keine Geheimhaltung).");
        }

        if (options.MindestzahlFallmanager < 1)
        {
            fehler.Add("Analysen:MindestzahlFallmanager muss mindestens 1 sein.");
        }

        if (options.MaxVarianten is < 1 or > 1000 || options.MaxAbweichungen is < 1 or > 1000 || options.MaxEngpaesseJeZustaendigkeit is < 1 or > 1000)
        {
            fehler.Add("Analysen:MaxVarianten, MaxAbweichungen und MaxEngpaesseJeZustaendigkeit müssen zwischen 1 und 1000 liegen.");
        }

        if (options.KurvenIntervallTage is < 1 or > 366)
        {
            fehler.Add("Analysen:KurvenIntervallTage muss zwischen 1 und 366 liegen.");
        }

        if (options.StandIntervall < TimeSpan.Zero || options.StandPruefintervall < TimeSpan.FromSeconds(1) || options.ProjektionIntervall < TimeSpan.FromSeconds(1))
        {
            fehler.Add("Analysen:StandIntervall darf nicht negativ sein, Analysen:StandPruefintervall und Analysen:ProjektionIntervall müssen mindestens eine Sekunde betragen.");
        }

        if (options.Vollzeitstellen is <= 0)
        {
            fehler.Add("Analysen:Vollzeitstellen muss größer als 0 sein (oder fehlen).");
        }

        if (options.PseudonymSchluessel is not null)
        {
            fehler.Add("Analysen:PseudonymSchluessel wird nicht mehr unterstützt: Das XES-Ereignisprotokoll vergibt für jeden Export neue zufällige Verlaufskennungen (k-anonym, siehe docs/datenschutz-exporte.md). Bitte den Eintrag entfernen.");
        }

        foreach (var (spur, ideal) in options.Idealverlauf)
        {
            fehler.AddRange(IdealverlaufPruefen(spur, ideal).Select(f => $"Analysen:Idealverlauf:{spur}: {f}"));
        }

        var schluesselListe = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in options.Meilensteine)
        {
            if (string.IsNullOrWhiteSpace(m.Schluessel) || string.IsNullOrWhiteSpace(m.Bezeichnung) || !schluesselListe.Add(m.Schluessel))
            {
                fehler.Add($"Analysen:Meilensteine: jeder Meilenstein braucht einen eindeutigen Schlüssel und eine Bezeichnung („{m.Schluessel}“).");
            }

            foreach (var (punkt, rolle) in new[] { (m.Start, "Start"), (m.Ende, "Ende") })
            {
                if (punkt is null || !Enum.IsDefined(punkt.Art))
                {
                    fehler.Add($"Analysen:Meilensteine:{m.Schluessel}:{rolle}: unbekannte Art.");
                    continue;
                }

                if (punkt.Art == MeilensteinArt.Zustand && (punkt.Zustaende.Count == 0 || punkt.Zustaende.Any(z => Spurzustaende.Lesen(z) is null)))
                {
                    fehler.Add($"Analysen:Meilensteine:{m.Schluessel}:{rolle}: Zustände als „Spur.Zustand“ angeben (mindestens einer).");
                }

                if (rolle == "Ende" && punkt.Art != MeilensteinArt.Zustand)
                {
                    fehler.Add($"Analysen:Meilensteine:{m.Schluessel}:Ende: das Ende ist immer ein Zustand.");
                }
            }
        }

        return fehler.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(fehler);
    }
}
