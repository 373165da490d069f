namespace Kim.Casemanagement.Application.Datenschutz.Sperrung;

/// <summary>
/// Which holds to list: <see cref="Aktiv"/> true = only active ones, false = only lifted or expired ones, null = all;
/// <see cref="FallId"/> = the history of one Fall. Newest first.
/// </summary>
public sealed record SperrenFilter(bool? Aktiv = null, Guid? FallId = null, int Seite = 1, int Groesse = 50)
{
    public const int MaxGroesse = 200;
}
