namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>Why a follow-up exists.</summary>
public enum WiedervorlageArt
{
    Manuell = 0,
    Rechtskreiswechsel = 1,
    Titelablauf = 2,
    Einwilligungsablauf = 3,
    Kooperationsplan = 4,
    Chancenaufenthaltsrecht = 5,
}
