using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Eingaben;

/// <summary>The fachliches Datum (when it happened) may lie in the past, but not in the future, not before birth and not before the current state began.</summary>
public class FachlichesDatumTests
{
    private const string InDerZukunft = "Das fachliche Datum darf nicht in der Zukunft liegen.";
    private const string VorDerGeburt = "Das fachliche Datum liegt vor der Geburt der Person.";

    public static TheoryData<Spur, string, string> EinSchrittJeSpur() => new()
    {
        { Spur.Prozess, "Anfrage", "Klaeren" },
        { Spur.Aufenthalt, "AufenthaltserlaubnisSchutz", "VerlaengerungBeantragen" },
        { Spur.Leistungen, "ArbeitBedarfsdeckend", "BeschaeftigungBeenden" },
        { Spur.Bildung, "Ausbildung", "AusbildungAbschliessen" },
        { Spur.Ueberleitung, "Angefragt", "Annehmen" },
    };

    [Theory]
    [MemberData(nameof(EinSchrittJeSpur))]
    public void Feuern_WhenFachlichesDatumIsTomorrow_ThrowsFieldErrorAndWritesNoEvent(Spur spur, string zustand, string trigger)
    {
        var (fall, id) = Vorbereitet(spur);
        var vorher = fall.NeueEreignisse.Count;

        var ex = Should.Throw<DomainException>(() => fall.Feuern(spur, trigger, null, Rahmen(Heute.AddDays(1)), id));

        ex.Message.ShouldBe(InDerZukunft);
        ex.Errors.Keys.ShouldBe(["fachlichesDatum"]);
        ex.Errors["fachlichesDatum"].ShouldBe([InDerZukunft]);
        fall.Zustand(spur, id).ShouldBe(zustand);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
    }

    [Theory]
    [MemberData(nameof(EinSchrittJeSpur))]
    public void Feuern_WhenFachlichesDatumIsBeforeTheClientsBirth_ThrowsFieldErrorAndWritesNoEvent(Spur spur, string zustand, string trigger)
    {
        var (fall, id) = Vorbereitet(spur);
        var vorher = fall.NeueEreignisse.Count;

        var ex = Should.Throw<DomainException>(() => fall.Feuern(spur, trigger, null, Rahmen(FallBuilder.StandardGeburtsdatum.AddDays(-1)), id));

        ex.Errors["fachlichesDatum"].ShouldBe([VorDerGeburt]);
        fall.Zustand(spur, id).ShouldBe(zustand);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
    }

    [Theory]
    [MemberData(nameof(EinSchrittJeSpur))]
    public void Feuern_WhenFachlichesDatumIsBeforeTheCurrentStateBegan_ThrowsFieldErrorNamingThatDay(Spur spur, string zustand, string trigger)
    {
        var (fall, id) = Vorbereitet(spur);
        var seit = fall.Seit(spur, id);
        var vorher = fall.NeueEreignisse.Count;

        var ex = Should.Throw<DomainException>(() => fall.Feuern(spur, trigger, null, Rahmen(seit.AddDays(-1)), id));

        ex.Errors["fachlichesDatum"].ShouldBe([$"Das fachliche Datum liegt vor dem Beginn des aktuellen Zustands ({seit.Day:00}.{seit.Month:00}.{seit.Year})."]);
        fall.Zustand(spur, id).ShouldBe(zustand);
        fall.Seit(spur, id).ShouldBe(seit);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
    }

    [Fact]
    public void Feuern_WhenFachlichesDatumIsTheDayTheStateBegan_TakesTheStep()
    {
        var fall = FallBuilder.Neu().Bauen();

        fall.Feuern(Spur.Prozess, "Klaeren", null, Rahmen(FallBuilder.StandardAufnahmetag));

        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Klaerung);
        fall.Prozess.Seit.ShouldBe(FallBuilder.StandardAufnahmetag);
        fall.NeueEreignisse[^1].FachlichesDatum.ShouldBe(FallBuilder.StandardAufnahmetag);
        fall.NeueEreignisse[^1].ErfasstAm.ShouldBe(Jetzt);
    }

    [Fact]
    public void UeberleitungAnfragen_WhenFachlichesDatumIsInTheFuture_CreatesNoReferral()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();

        var ex = Should.Throw<DomainException>(() => fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Begleitung des SGB-II-Antrags", Rahmen(Heute.AddDays(3))));

        ex.Errors["fachlichesDatum"].ShouldBe([InDerZukunft]);
        fall.Ueberleitungen.ShouldBeEmpty();
    }

    [Fact]
    public void Feuern_WhenGueltigBisLiesBeforeTheFachlichesDatum_ThrowsParameterError()
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        fall.ZustandSetzenFuerTest(Spur.Aufenthalt, "Schutzstatus", D(2025, 1, 1));

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Aufenthalt, "AufenthaltserlaubnisErteilen", P((ParameterNamen.GueltigBis, "2026-11-19")), Rahmen()));

        ex.Errors.Keys.ShouldBe(["parameter.gueltigBis"]);
        ex.Errors["parameter.gueltigBis"].ShouldBe(["„Gültig bis“ darf nicht vor dem fachlichen Datum liegen."]);
        fall.Aufenthalt.Zustand.ToString().ShouldBe("Schutzstatus");
    }

    private static (Fall Fall, Guid? UeberleitungId) Vorbereitet(Spur spur)
    {
        var fall = FallBuilder.AllesErfuellt().Bauen();
        if (spur == Spur.Ueberleitung)
        {
            return (fall, fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Begleitung des SGB-II-Antrags", Rahmen(D(2026, 3, 2))).Id);
        }

        if (spur == Spur.Bildung)
        {
            fall.ZustandSetzenFuerTest(Spur.Bildung, "Ausbildung", D(2023, 8, 1));
        }

        return (fall, null);
    }
}
