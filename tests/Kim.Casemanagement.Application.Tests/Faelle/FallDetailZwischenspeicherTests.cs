using Kim.Casemanagement.Application.Faelle.FallAnzeigen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;

namespace Kim.Casemanagement.Application.Tests.Faelle;

/// <summary>The read model cache: reused only for the same Fall, version, view and day; the profile is never shared.</summary>
public sealed class FallDetailZwischenspeicherTests
{
    private static readonly Guid FallId = Guid.CreateVersion7();
    private static readonly DateOnly Heute = new(2026, 12, 5);
    private static readonly FallSicht Jobcenter = new(FallSichtArt.Partner, Behoerde.Jobcenter, Datenkategorie.Stammdaten | Datenkategorie.Leistungen);

    [Fact]
    public void Holen_WhenTheKeyIsTheSame_ComputesOnceAndReturnsTheStoredReadModel()
    {
        var speicher = new FallDetailZwischenspeicher();
        var berechnet = 0;

        var erstes = speicher.Holen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", ++berechnet));
        var zweites = speicher.Holen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", ++berechnet));

        berechnet.ShouldBe(1);
        zweites.Aktenzeichen.ShouldBe("KIM-2026-00001");
        zweites.ShouldBe(erstes with { Kompetenzprofil = zweites.Kompetenzprofil }, "the same read model, with a copy of the profile");
        zweites.Kompetenzprofil!.Deutschniveau.ShouldBe(Sprachniveau.A2);
    }

    [Fact]
    public void Holen_WhenVersionViewOrDayDiffer_ComputesAgainAndNeverReturnsAnotherKeysReadModel()
    {
        var speicher = new FallDetailZwischenspeicher();
        speicher.Holen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", 1));

        speicher.Holen(FallId, 4, FallSicht.Voll, Heute, () => Detail(4, "Voll", 2)).Version.ShouldBe(4, "a change raises the version");
        speicher.Holen(FallId, 3, Jobcenter, Heute, () => Detail(3, "Partner", 3)).Sicht.ShouldBe("Partner", "a partner never gets the full view");
        speicher.Holen(FallId, 3, Jobcenter with { Kategorien = Datenkategorie.Stammdaten }, Heute, () => Detail(3, "Stammdaten", 4))
            .Sicht.ShouldBe("Stammdaten", "a narrower consent is a different view");
        speicher.Holen(FallId, 3, FallSicht.Voll, Heute.AddDays(1), () => Detail(3, "morgen", 5)).Sicht.ShouldBe("morgen", "ages, rules and steps depend on the day");
        speicher.Holen(Guid.CreateVersion7(), 3, FallSicht.Voll, Heute, () => Detail(3, "anderer Fall", 6)).Sicht.ShouldBe("anderer Fall");
        speicher.Holen(FallId, 3, FallSicht.Voll, Heute, () => throw new InvalidOperationException("cached")).Sicht.ShouldBe("Voll");
    }

    [Fact]
    public void Holen_WhenACallerChangesItsProfile_TheNextCallerGetsTheStoredOne()
    {
        var speicher = new FallDetailZwischenspeicher();
        var erstes = speicher.Holen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", 1));
        erstes.Kompetenzprofil!.Deutschniveau = Sprachniveau.C2;

        var zweites = speicher.Holen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", 2));

        zweites.Kompetenzprofil!.Deutschniveau.ShouldBe(Sprachniveau.A2);
        zweites.Kompetenzprofil.ShouldNotBeSameAs(erstes.Kompetenzprofil);
    }

    [Fact]
    public void Holen_WhenFull_StartsEmptyAndStaysBounded()
    {
        var speicher = new FallDetailZwischenspeicher();
        var berechnet = 0;
        for (var i = 0; i <= FallDetailZwischenspeicher.Kapazitaet; i++)
        {
            speicher.Holen(Guid.CreateVersion7(), 1, FallSicht.Voll, Heute, () => Detail(1, "Voll", ++berechnet));
        }

        speicher.Holen(FallId, 1, FallSicht.Voll, Heute, () => Detail(1, "Voll", ++berechnet));
        speicher.Holen(FallId, 1, FallSicht.Voll, Heute, () => Detail(1, "Voll", ++berechnet));

        berechnet.ShouldBe(FallDetailZwischenspeicher.Kapazitaet + 2);
        speicher.Anzahl.ShouldBeLessThanOrEqualTo(FallDetailZwischenspeicher.Kapazitaet);
    }

    [Fact]
    public void JsonHolen_WhenAskedAgainForTheSameKey_SerialisesOnceAndOnlyTheEntryOfThatKey()
    {
        var speicher = new FallDetailZwischenspeicher();
        var serialisiert = new List<string>();
        byte[] Json(FallDetail d)
        {
            serialisiert.Add(d.Sicht);
            return System.Text.Encoding.UTF8.GetBytes(d.Sicht);
        }

        var erstes = speicher.JsonHolen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", 1), Json);
        var zweites = speicher.JsonHolen(FallId, 3, FallSicht.Voll, Heute, () => Detail(3, "Voll", 2), Json);
        var partner = speicher.JsonHolen(FallId, 3, Jobcenter, Heute, () => Detail(3, "Partner", 3), Json);
        var neu = speicher.JsonHolen(FallId, 4, FallSicht.Voll, Heute, () => Detail(4, "Voll v4", 4), Json);

        System.Text.Encoding.UTF8.GetString(zweites.Span).ShouldBe("Voll");
        zweites.ShouldBe(erstes);
        System.Text.Encoding.UTF8.GetString(partner.Span).ShouldBe("Partner");
        System.Text.Encoding.UTF8.GetString(neu.Span).ShouldBe("Voll v4");
        serialisiert.ShouldBe(["Voll", "Partner", "Voll v4"]);
    }

    private static FallDetail Detail(int version, string sicht, int nummer) => new(
        FallId, $"KIM-2026-{nummer:D5}", version, sicht, null, null, null, Heute, DateTimeOffset.UnixEpoch, null, null,
        [], null, null, null, new Kompetenzprofil { Deutschniveau = Sprachniveau.A2 }, [], [], [], []);
}
