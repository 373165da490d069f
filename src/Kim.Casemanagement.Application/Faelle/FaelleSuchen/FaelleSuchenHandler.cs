using FluentValidation;
using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Application.Faelle.FaelleSuchen;

/// <summary>The caseload list: search, filters, sorting, paging.</summary>
public sealed class FaelleSuchenHandler(IFallAbfragen abfragen, IKalender kalender, IValidator<FallSuche> validator)
{
    public async Task<Seite<FallZeile>> HandleAsync(FallSuche suche, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(suche, ct);
        return await abfragen.SuchenAsync(suche, kalender.Heute, ct);
    }
}
