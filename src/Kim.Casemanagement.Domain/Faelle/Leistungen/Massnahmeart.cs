namespace Kim.Casemanagement.Domain.Faelle.Leistungen;

/// <summary>Kinds of measures in a Kooperationsplan. Qualification (Weiterbildung) is its own step, because the literacy rule guards it.</summary>
public enum Massnahmeart
{
    Aktivierung = 1,
    Integrationskurs = 2,
    Berufssprachkurs = 3,
    Coaching = 4,
    Weiterbildung = 5,
}
