using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Checks a competence profile from outside before it replaces the Fall's.</summary>
internal static class KompetenzprofilValidierung
{
    public static void Pruefen(Kompetenzprofil profil)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.IsDefined(profil.Deutschniveau))
        {
            errors["deutschniveau"] = ["Unbekanntes Sprachniveau."];
        }

        if (profil.Schuljahre is < 0 or > 30)
        {
            errors["schuljahre"] = ["Die Schuljahre müssen zwischen 0 und 30 liegen."];
        }

        if (profil.BerufserfahrungJahre is < 0 or > 70)
        {
            errors["berufserfahrungJahre"] = ["Die Berufserfahrung muss zwischen 0 und 70 Jahren liegen."];
        }

        if (profil.Schulabschluss is { } abschluss && !Texte.IstGueltigerKurztext(abschluss))
        {
            errors["schulabschluss"] = ["Der Schulabschluss ist zu lang oder enthält Steuerzeichen."];
        }

        if (profil.Berufsabschluesse.Count > 20
            || profil.Berufsabschluesse.Any(b => b is null || string.IsNullOrWhiteSpace(b.Bezeichnung) || !Texte.IstGueltigerKurztext(b.Bezeichnung) || !Texte.IstGueltigerKurztext(b.Land, 100)
                || (b.Anerkennung is { } a && !Enum.IsDefined(a))))
        {
            errors["berufsabschluesse"] = ["Höchstens 20 Abschlüsse, jeder mit Bezeichnung und Land (ohne Steuerzeichen)."];
        }

        if (profil.Sprachen.Count > 20 || profil.Sprachen.Any(s => !Texte.IstGueltigerName(s)))
        {
            errors["sprachen"] = ["Höchstens 20 Sprachen, jeweils nur mit Buchstaben geschrieben."];
        }

        if (errors.Count > 0)
        {
            throw new DomainException("Das Kompetenzprofil ist ungültig.", errors);
        }
    }
}
