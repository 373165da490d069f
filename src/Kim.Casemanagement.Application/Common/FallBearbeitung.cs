using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;

namespace Kim.Casemanagement.Application.Common;

/// <summary>
/// The shared steps of every use case that changes a Fall: load it (or 404), check the version the caller
/// saw (or 409), build the step frame (actor, clock, rule table), and save.
/// </summary>
public sealed class FallBearbeitung(IFallRepository repository, IAktuellerBenutzer benutzer, IKalender kalender, Rechtsregeltabelle regeln)
{
    public IAktuellerBenutzer Benutzer => benutzer;

    public IKalender Kalender => kalender;

    public Rechtsregeltabelle Regeln => regeln;

    public async Task<Fall> LadenAsync(Guid fallId, int? erwarteteVersion, CancellationToken ct)
    {
        var fall = await repository.LadenAsync(fallId, ct) ?? throw new NichtGefundenException("Der Fall wurde nicht gefunden.");
        if (erwarteteVersion is { } version && version != fall.Version)
        {
            throw new KonfliktException();
        }

        return fall;
    }

    public Task SpeichernAsync(Fall fall, CancellationToken ct) => repository.SpeichernAsync(fall, ct);

    public SchrittRahmen Rahmen(DateOnly fachlichesDatum, string? notiz) => new(fachlichesDatum, benutzer.Id, notiz, regeln, kalender.Jetzt, kalender.Heute);

    public Schritt Probe() => Schritt.Probe(kalender.Heute, regeln, kalender.Jetzt);
}
