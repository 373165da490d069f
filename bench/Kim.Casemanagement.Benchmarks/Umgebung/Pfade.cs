namespace Kim.Casemanagement.Benchmarks.Umgebung;

/// <summary>Where things are in the repository (the benchmark runs from its build output).</summary>
internal static class Pfade
{
    public static string Wurzel { get; } = WurzelFinden();

    /// <summary>The Release build of the app (scripts/bench.sh builds it first).</summary>
    public static string WebDll => Path.Combine(Wurzel, "src", "Kim.Casemanagement.Web", "bin", "Release", "net10.0", "Kim.Casemanagement.Web.dll");

    public static string SignalRClient => Path.Combine(Wurzel, "tests", "signalr-client");

    public static string Ergebnisse => Directory.CreateDirectory(Path.Combine(Wurzel, "artifacts", "bench")).FullName;

    private static string WurzelFinden()
    {
        var ordner = new DirectoryInfo(AppContext.BaseDirectory);
        while (ordner is not null && !File.Exists(Path.Combine(ordner.FullName, "Kim.Casemanagement.sln")))
        {
            ordner = ordner.Parent;
        }

        return ordner?.FullName ?? throw new InvalidOperationException("Repository-Wurzel nicht gefunden.");
    }
}
