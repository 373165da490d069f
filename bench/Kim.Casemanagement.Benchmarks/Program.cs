using System.Globalization;
using Kim.Casemanagement.Benchmarks.Analysen;
using Kim.Casemanagement.Benchmarks.Benachrichtigungen;
using Kim.Casemanagement.Benchmarks.Stoerungen;
using Kim.Casemanagement.Benchmarks.Uebergaenge;
using Kim.Casemanagement.Benchmarks.Umgebung;

// Benchmark programs (QUALITY.md): each starts its own PostgreSQL cluster and the app's Release build as a separate
// process on loopback, measures, prints figures against targets and exits 1 when one is missed.
// Run all with scripts/bench.sh, or one: scripts/bench.sh benachrichtigungen [--clients N --rate R --dauer S] [--nginx 2]
// (--nginx N: N instances behind Debian's nginx with infra/nginx's site file, issue 18).
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
        ergebnis = await BenachrichtigungsBenchmark.AusfuehrenAsync(Zahl("--clients", 1000), Zahl("--rate", 100), Zahl("--dauer", 60), Zahl("--nginx", 0));
        break;
    case "uebergaenge":
        ergebnis = await UebergangsBenchmark.AusfuehrenAsync(Zahl("--clients", 32), Zahl("--dauer", 15));
        break;
    case "stoerungen":
        ergebnis = await StoerungsTest.AusfuehrenAsync(Zahl("--abbrueche", 20), Zahl("--stopps", 5), Zahl("--clients", 16));
        break;
    case "analysen":
        ergebnis = await AnalysenBenchmark.AusfuehrenAsync(Zahl("--klienten", 100000));
        break;
    case "loeschlauf":
        ergebnis = await LoeschlaufStoerungsTest.AusfuehrenAsync(Zahl("--klienten", 30000), Zahl("--abbrueche", 10));
        break;
    case "auslastung":
        ergebnis = await AuslastungsBenchmark.AusfuehrenAsync(Zahl("--klienten", 100000));
        break;
    case "rohserver":
        return await RohServer.LaufenAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
    case "alle":
        ergebnis |= await UebergangsBenchmark.AusfuehrenAsync(32, 15);
        ergebnis |= await StoerungsTest.AusfuehrenAsync(20, 5, 16);
        ergebnis |= await BenachrichtigungsBenchmark.AusfuehrenAsync(1000, 100, 60);
        ergebnis |= await AuslastungsBenchmark.AusfuehrenAsync(100000);
        ergebnis |= await AnalysenBenchmark.AusfuehrenAsync(100000);
        break;
    default:
        Console.Error.WriteLine($"Unbekannter Benchmark: {befehl}. Verfügbar: uebergaenge, stoerungen, loeschlauf, benachrichtigungen, auslastung, analysen, alle.");
        return 2;
}

return ergebnis;
