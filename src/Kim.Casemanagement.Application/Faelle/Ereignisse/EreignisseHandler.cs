using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Faelle.Ereignisse;

/// <summary>The event timeline of one Fall across all tracks; a partner sees only their track and the referrals addressed to them.</summary>
public sealed class EreignisseHandler(FallBearbeitung bearbeitung, IFallAbfragen abfragen)
{
    public async Task<IReadOnlyList<EreignisDetail>> HandleAsync(Guid fallId, CancellationToken ct)
    {
        var (fall, sicht) = await bearbeitung.LadenMitSichtAsync(fallId, null, FallAktion.EreignisseLesen, ct);
        var ereignisse = await abfragen.EreignisseAsync(fallId, ct);
        if (sicht.Art == FallSichtArt.Voll)
        {
            return ereignisse;
        }

        var spur = sicht.PartnerSpur?.ToString();
        var ueberleitungen = fall.Ueberleitungen.Where(u => u.Empfaenger == sicht.Behoerde).Select(u => (Guid?)u.Id).ToHashSet();
        return ereignisse.Where(e => (spur is not null && e.Spur == spur) || (e.Spur == nameof(Spur.Ueberleitung) && ueberleitungen.Contains(e.UeberleitungId))).ToArray();
    }
}
