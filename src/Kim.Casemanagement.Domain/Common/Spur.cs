namespace Kim.Casemanagement.Domain.Common;

/// <summary>The tracks of a Fall: the case-management process, the three Rechtskreise, and referrals.</summary>
public enum Spur
{
    Prozess = 0,
    Aufenthalt = 1,
    Leistungen = 2,
    Bildung = 3,
    Ueberleitung = 4,
}
