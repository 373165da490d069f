namespace Kim.Casemanagement.Domain.Tests.Support;

/// <summary>The repository's source files, for tests that read code (architecture rules).</summary>
internal static class Quellen
{
    /// <summary>Walks up from the test binaries until the directory holding Kim.Casemanagement.sln.</summary>
    public static string Wurzel()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kim.Casemanagement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Kim.Casemanagement.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Every C# file under src/, with its path relative to the repository root (forward slashes).</summary>
    public static IEnumerable<(string Pfad, string Text)> CSharpDateien()
    {
        var wurzel = Wurzel();
        return Directory.EnumerateFiles(Path.Combine(wurzel, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(wurzel, p).Replace('\\', '/'), File.ReadAllText(p)));
    }
}
