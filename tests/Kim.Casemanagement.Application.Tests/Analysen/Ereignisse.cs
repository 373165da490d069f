using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Tests.Analysen;

/// <summary>Builds small event logs by hand: per Fall and track the states in order with their fachliche Daten.</summary>
internal sealed class Ereignisse
{
    private readonly List<AnalyseEreignis> _liste = [];
    private readonly Dictionary<Guid, int> _nr = [];

    public IReadOnlyList<AnalyseEreignis> Liste => _liste;

    public static DateOnly D(int jahr, int monat, int tag) => new(jahr, monat, tag);

    /// <summary>A trace: the first state is the intake (no from-state), then one step per further state.</summary>
    public Ereignisse Folge(Guid fall, Spur spur, params (string Zustand, DateOnly Datum)[] schritte) => Folge(fall, spur, null, null, schritte);

    public Ereignisse Folge(Guid fall, Spur spur, Guid? ueberleitung, string? empfaenger, params (string Zustand, DateOnly Datum)[] schritte)
    {
        string? vorher = null;
        foreach (var (zustand, datum) in schritte)
        {
            var nr = _nr[fall] = _nr.GetValueOrDefault(fall) + 1;
            _liste.Add(new AnalyseEreignis(fall, nr, spur, ueberleitung, empfaenger, vorher, zustand, datum));
            vorher = zustand;
        }

        return this;
    }
}
