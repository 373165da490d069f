using Kim.Casemanagement.Infrastructure.Audit;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditTestDaten;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>The hash arithmetic: every field counts, null differs from empty, delimiters cannot be forged.</summary>
public sealed class AuditKetteTests
{
    public static TheoryData<string> Felder() => ["Id", "Xid", "Zeitpunkt", "BenutzerId", "Rollen", "Aktion", "Detail", "FallId", "KlientId", "Ergebnis", "Herkunft", "TraceId"];

    [Theory]
    [MemberData(nameof(Felder))]
    public void ZeilenHash_WhenAnyFieldChanges_Changes(string feld)
    {
        var vorher = Zeile();
        var nachher = Zeile();
        switch (feld)
        {
            case "Id": nachher.Id++; break;
            case "Xid": nachher.Xid++; break;
            case "Zeitpunkt": nachher.Zeitpunkt = nachher.Zeitpunkt.AddTicks(10); break;
            case "BenutzerId": nachher.BenutzerId += "x"; break;
            case "Rollen": nachher.Rollen += "x"; break;
            case "Aktion": nachher.Aktion += "x"; break;
            case "Detail": nachher.Detail = null; break;
            case "FallId": nachher.FallId = Guid.Empty; break;
            case "KlientId": nachher.KlientId = null; break;
            case "Ergebnis": nachher.Ergebnis = 500; break;
            case "Herkunft": nachher.Herkunft = string.Empty; break;
            case "TraceId": nachher.TraceId += "x"; break;
            default: throw new ArgumentOutOfRangeException(nameof(feld));
        }

        AuditKette.ZeilenHash(nachher).ShouldNotBe(AuditKette.ZeilenHash(vorher));
    }

    [Fact]
    public void Kanonisch_WhenTextContainsTheDelimiters_CannotBeConfusedWithOtherFields()
    {
        var a = Zeile();
        a.BenutzerId = "a;5:Rolle";
        a.Rollen = "x";
        var b = Zeile();
        b.BenutzerId = "a";
        b.Rollen = "Rolle;1:x";

        AuditKette.Kanonisch(a).ShouldNotBe(AuditKette.Kanonisch(b));
    }

    [Fact]
    public void Verketten_DependsOnThePredecessor()
    {
        var zeile = AuditKette.ZeilenHash(Zeile());

        AuditKette.Verketten(AuditKette.Anfang, zeile).ShouldNotBe(AuditKette.Verketten(AuditKette.Verketten(AuditKette.Anfang, zeile), zeile));
    }

    private static AuditEintrag Zeile()
    {
        var e = Eintrag();
        e.Id = 42;
        e.Xid = 4711;
        return e;
    }
}
