using FluentValidation;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Application.Faelle.FallAnzeigen;

namespace Kim.Casemanagement.Application.Faelle.Einwilligungen;

/// <summary>Records a consent, or its withdrawal (which takes effect with the next request).</summary>
public sealed class EinwilligungHandler(FallBearbeitung bearbeitung, IValidator<EinwilligungAngaben> validator)
{
    public async Task<EinwilligungDetail> ErteilenAsync(Guid fallId, EinwilligungAngaben angaben, int? version, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(angaben, ct);
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.EinwilligungVerwalten, ct);
        var jetzt = bearbeitung.Kalender.Jetzt;
        var e = fall.EinwilligungErteilen(Guid.CreateVersion7(jetzt), angaben.Empfaenger, angaben.Kategorien, angaben.Zweck, angaben.GueltigAb, angaben.GueltigBis, angaben.FormularReferenz, bearbeitung.Benutzer.Id, jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return FallDetailAbbildung.Einwilligung(e, jetzt, bearbeitung.Kalender.Heute);
    }

    public async Task<int> WiderrufenAsync(Guid fallId, Guid einwilligungId, int? version, CancellationToken ct)
    {
        var fall = await bearbeitung.LadenAsync(fallId, version, FallAktion.EinwilligungVerwalten, ct);
        fall.EinwilligungWiderrufen(einwilligungId, bearbeitung.Benutzer.Id, bearbeitung.Kalender.Jetzt);
        await bearbeitung.SpeichernAsync(fall, ct);
        return fall.Version;
    }
}
