using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>
/// One row of <c>benutzer</c> for a generated staff account. The loader writes the one precomputed demo password hash
/// (<see cref="DemodatenLader.DemoPasswortHash"/>); two-factor sign-in is enrolled at the first sign-in.
/// </summary>
public sealed record KontoZeile(
    string Id,
    string Benutzername,
    string Anzeigename,
    string Mandant,
    Guid? TeamId,
    Behoerde? Behoerde,
    DateTimeOffset ErstelltAm,
    string SecurityStamp,
    string ConcurrencyStamp);
