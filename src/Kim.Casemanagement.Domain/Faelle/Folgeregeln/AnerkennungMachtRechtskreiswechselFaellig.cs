using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Leistungen;

namespace Kim.Casemanagement.Domain.Faelle.Folgeregeln;

/// <summary>
/// The cross-track rule that matters most (DOMAIN.md §3.3): recognition on the Aufenthalt track makes the
/// Rechtskreiswechsel due on the Leistungen track in the same change, gives the case manager a follow-up,
/// and hands the existing Kompetenzprofil to the Jobcenter so that it does not start from zero.
/// </summary>
public sealed class AnerkennungMachtRechtskreiswechselFaellig : Folgeregel
{
    /// <summary>Days after the recognition by which the case manager should have accompanied the SGB II application.</summary>
    public const int WiedervorlageNachTagen = 14;

    public override string Beschreibung =>
        "Mit der Anerkennung (auch Abschiebungsverbot) wird der Rechtskreiswechsel auf der Leistungs-Spur fällig; die fallführende Person erhält eine Wiedervorlage, und das Kompetenzprofil wird dem Jobcenter übergeben, sofern eine Einwilligung es erlaubt.";

    public override void Anwenden(Fall fall, FallEreignis ereignis, Schritt ausloeser)
    {
        ArgumentNullException.ThrowIfNull(fall);
        ArgumentNullException.ThrowIfNull(ereignis);
        ArgumentNullException.ThrowIfNull(ausloeser);
        if (ereignis.Spur != Spur.Aufenthalt
            || ereignis.Trigger is not (nameof(AufenthaltTrigger.Anerkennen) or nameof(AufenthaltTrigger.AbschiebungsverbotFeststellen)))
        {
            return;
        }

        var folge = ausloeser.Folgeschritt(ereignis.Nr, "Automatisch: Rechtskreiswechsel nach Anerkennung fällig.", SchrittParameter.Leer);
        if (!fall.KannFeuernAlsFolge(LeistungenTrigger.RechtskreiswechselAnstossen, folge))
        {
            return;
        }

        fall.FeuernAlsFolge(LeistungenTrigger.RechtskreiswechselAnstossen, folge);

        // The profile travels to the Jobcenter only under a consent that names it and covers the profile.
        var mitEinwilligung = fall.ErlaubtVerarbeitung(Empfaenger.Jobcenter, folge, Datenkategorie.Kompetenzprofil);
        var faellig = ereignis.FachlichesDatum.AddDays(WiedervorlageNachTagen);
        fall.WiedervorlageAnlegen(
            Guid.CreateVersion7(ausloeser.ErfasstAm),
            faellig < ausloeser.Heute ? ausloeser.Heute : faellig,
            mitEinwilligung
                ? "Rechtskreiswechsel: SGB-II-Antrag beim Jobcenter begleiten"
                : "Rechtskreiswechsel: SGB-II-Antrag begleiten; Einwilligung für das Jobcenter einholen, um das Kompetenzprofil zu übergeben",
            WiedervorlageArt.Rechtskreiswechsel,
            $"rechtskreiswechsel:{ereignis.Nr}",
            null,
            ausloeser.ErfasstAm);
        if (mitEinwilligung)
        {
            fall.KompetenzprofilUebergeben(Behoerde.Jobcenter, "Rechtskreiswechsel nach Anerkennung", folge);
        }
    }
}
