using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Tests.Support;
using static Kim.Casemanagement.Domain.Tests.Support.Testzeit;

namespace Kim.Casemanagement.Domain.Tests.Eingaben;

/// <summary>Names in any script are valid; digits, markup, control and bidi-override characters are not. Notes keep markup verbatim.</summary>
public class NamenUndFreitextTests
{
    private const string VornameFehler = "Der Vorname muss aus Buchstaben bestehen (1 bis 100 Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt).";
    private const string NachnameFehler = "Der Nachname muss aus Buchstaben bestehen (1 bis 100 Zeichen; Leerzeichen, Bindestrich und Apostroph sind erlaubt).";
    private const string NotizFehler = "1 bis 4000 Zeichen; Zeilenumbrüche sind erlaubt, andere Steuerzeichen nicht.";

    public static TheoryData<string> GueltigeNamen() =>
    [
        "محمد",
        "ሰላም",
        "Олександр",
        "A. Müller-Lüdenscheidt",
        "O'Brien",
        "N’Diaye",
        "Nguyễn Thị Minh",
        "Zoë",
        "李小龙",
        "हर्ष",
    ];

    public static TheoryData<string> UngueltigeNamen() =>
    [
        new string('a', 10_000),
        new string('a', 101),
        "Anna2",
        "R2-D2",
        "<script>",
        "<script>alert(1)</script>",
        "Anna\u0000",
        "Anna\u0007",
        "Anna\nMaria",
        "Anna\tMaria",
        "\u202EannA",
        "Anna\u202E",
        "Anna\u2066Maria",
        "Anna  Maria",
        "-Anna",
        "Anna-",
        "@nna",
        "Anna;DROP TABLE",
    ];

    [Theory]
    [MemberData(nameof(GueltigeNamen))]
    public void Erfassen_WhenNameIsWrittenInAnyScript_AcceptsItUnchanged(string name)
    {
        var klient = FallBuilder.Neu().MitNamen(name, name).KlientErfassen();

        klient.Vorname.ShouldBe(name);
        klient.Nachname.ShouldBe(name);
    }

    [Fact]
    public void Erfassen_WhenNameComesDecomposed_StoresItComposedAndTrimmed()
    {
        var klient = FallBuilder.Neu().MitNamen("  Nguye\u0302\u0303n ", "Zoe\u0308").KlientErfassen();

        klient.Vorname.ShouldBe("Nguy\u1EC5n");
        klient.Nachname.ShouldBe("Zo\u00EB");
    }

    [Theory]
    [MemberData(nameof(UngueltigeNamen))]
    public void Erfassen_WhenNameHasDigitsMarkupControlOrBidiCharacters_ThrowsGermanFieldErrors(string name)
    {
        var ex = Should.Throw<DomainException>(() => FallBuilder.Neu().MitNamen(name, name).KlientErfassen());

        ex.Message.ShouldBe("Die Angaben zur Person sind unvollständig oder ungültig.");
        ex.Errors.Keys.ShouldBe(["vorname", "nachname"], ignoreOrder: true);
        ex.Errors["vorname"].ShouldBe([VornameFehler]);
        ex.Errors["nachname"].ShouldBe([NachnameFehler]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Erfassen_WhenNameIsEmpty_ThrowsGermanFieldError(string name)
    {
        var ex = Should.Throw<DomainException>(() => FallBuilder.Neu().MitNamen(name, "Haddad").KlientErfassen());

        ex.Errors.Keys.ShouldBe(["vorname"]);
        ex.Errors["vorname"].ShouldBe([VornameFehler]);
    }

    [Fact]
    public void Erfassen_WhenBirthIsInTheFutureAndEntryBeforeBirth_ThrowsBothFieldErrors()
    {
        var ex = Should.Throw<DomainException>(() => FallBuilder.Neu().MitKlient(Heute.AddDays(1), D(2015, 9, 1)).KlientErfassen());

        ex.Errors["geburtsdatum"].ShouldBe(["Das Geburtsdatum muss in der Vergangenheit liegen und darf höchstens 120 Jahre zurückliegen."]);
        ex.Errors["einreisedatum"].ShouldBe(["Das Einreisedatum muss zwischen Geburtsdatum und heute liegen."]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b>fett</b> & \"zitiert\" 'einfach'")]
    [InlineData("Zeile 1\r\nZeile 2\n\tEingerückt")]
    [InlineData("'; DROP TABLE faelle; --")]
    [InlineData("محمد hat den Termin wahrgenommen.")]
    public void NotizVerfassen_WhenTextContainsMarkupOrLineBreaks_StoresItVerbatim(string text)
    {
        var fall = FallBuilder.Neu().Bauen();

        var notiz = fall.NotizVerfassen(Guid.NewGuid(), text, D(2026, 11, 19), Akteur, Heute, Jetzt);

        notiz.Text.ShouldBe(text);
        fall.NeueNotizen.ShouldHaveSingleItem().Text.ShouldBe(text);
        fall.LetzterKontaktAm.ShouldBe(D(2026, 11, 19));
    }

    [Theory]
    [InlineData("Text\u0000mit Null")]
    [InlineData("Klingel\u0007")]
    [InlineData("\u001B[31mrot")]
    [InlineData("Zeile\u0085NEL")]
    [InlineData("Zeile\u000BVT")]
    [InlineData("Zeile\u000CFF")]
    [InlineData("harmlos\u202Etxt.exe")]
    [InlineData("\uFEFFBOM")]
    public void NotizVerfassen_WhenTextHasControlCharactersOtherThanLineBreaksAndTabs_ThrowsGermanFieldError(string text)
    {
        var fall = FallBuilder.Neu().Bauen();

        var ex = Should.Throw<DomainException>(() => fall.NotizVerfassen(Guid.NewGuid(), text, null, Akteur, Heute, Jetzt));

        ex.Errors.Keys.ShouldBe(["text"]);
        ex.Errors["text"].ShouldBe([NotizFehler]);
        fall.NeueNotizen.ShouldBeEmpty();
    }

    [Fact]
    public void NotizVerfassen_WhenTextIsLongerThan4000Characters_ThrowsGermanFieldError()
    {
        var fall = FallBuilder.Neu().Bauen();

        Should.Throw<DomainException>(() => fall.NotizVerfassen(Guid.NewGuid(), new string('x', 4001), null, Akteur, Heute, Jetzt))
            .Errors["text"].ShouldBe([NotizFehler]);
        fall.NotizVerfassen(Guid.NewGuid(), new string('x', 4000), null, Akteur, Heute, Jetzt).Text.Length.ShouldBe(4000);
    }

    [Fact]
    public void Feuern_WhenTheStepNoteContainsMarkup_StoresItVerbatimWithTheEvent()
    {
        var fall = FallBuilder.Neu().Bauen();

        fall.Feuern(Spur.Prozess, "Klaeren", null, Rahmen(notiz: "<script>alert(1)</script>\r\nRückruf vereinbart"));

        fall.NeueEreignisse[^1].Notiz.ShouldBe("<script>alert(1)</script>\r\nRückruf vereinbart");
    }

    [Fact]
    public void Feuern_WhenTheStepNoteContainsAControlCharacter_ThrowsNotizFieldErrorAndWritesNoEvent()
    {
        var fall = FallBuilder.Neu().Bauen();
        var vorher = fall.NeueEreignisse.Count;

        var ex = Should.Throw<DomainException>(() => fall.Feuern(Spur.Prozess, "Klaeren", null, Rahmen(notiz: "Rückruf\u0007")));

        ex.Errors["notiz"].ShouldBe([NotizFehler.Replace("1 bis", "Höchstens", StringComparison.Ordinal)]);
        fall.Prozess.Zustand.ShouldBe(ProzessZustand.Anfrage);
        fall.NeueEreignisse.Count.ShouldBe(vorher);
    }
}
