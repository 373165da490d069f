using System.Globalization;
using Kim.Casemanagement.Benchmarks.Benachrichtigungen;

// Benchmark programs (QUALITY.md): each starts its own PostgreSQL cluster and the app's Release build as a separate
// process on loopback, measures, prints figures against targets and exits 1 when one is missed.
// Run all with scripts/bench.sh, or one: scripts/bench.sh benachrichtigungen [--clients N --rate R --dauer S].
var befehl = args.FirstOrDefault() ?? "alle";
int Zahl(string name, int standard)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : standard;
}

var ergebnis = 0;
switch (befehl)
{
    case "benachrichtigungen":
        ergebnis = await BenachrichtigungsBenchmark.AusfuehrenAsync(Zahl("--clients", 1000), Zahl("--rate", 100), Zahl("--dauer", 60));
        break;
    case "alle":
        ergebnis |= await BenachrichtigungsBenchmark.AusfuehrenAsync(1000, 100, 60);
        break;
    default:
        Console.Error.WriteLine($"Unbekannter Benchmark: {befehl}. Verfügbar: benachrichtigungen, alle.");
        return 2;
}

return ergebnis;
