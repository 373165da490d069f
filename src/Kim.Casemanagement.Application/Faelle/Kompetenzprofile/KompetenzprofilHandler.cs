using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Faelle.Kompetenzprofile;

/// <summary>Records the one shared competence profile (Assessment).</summary>
public sealed class KompetenzprofilHandler(FallBearbeitung bearbeitung)
{
    public async Task<int> ErfassenAsync(Guid fallId, Kompetenzprofil profil, DateOnly am, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.KompetenzprofilErfassen, ct);
        fall.KompetenzprofilErfassen(profil, am, bearbeitung.Kalender.Heute, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }
}
