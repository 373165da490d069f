using FluentValidation;
using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Application.Faelle.FaelleSuchen;

/// <summary>The caseload list: search, filters, sorting, paging.</summary>
public sealed class FaelleSuchenHandler(IFallAbfragen abfragen, IKalender kalender, IValidator<FallSuche> validator, FallZugriff zugriff, IAuditProtokoll audit)
{
    public async Task<Seite<FallZeile>> HandleAsync(FallSuche suche, CancellationToken ct)
    {
        var sicht = zugriff.PruefeListe();
        await validator.ValidateAndThrowAsync(suche, ct);
        var seite = await abfragen.SuchenAsync(suche, sicht, kalender.Heute, ct);
        foreach (var zeile in seite.Eintraege)
        {
            audit.Vormerken("Fall.Liste", null, zeile.Id, null);
        }

        return seite;
    }
}
