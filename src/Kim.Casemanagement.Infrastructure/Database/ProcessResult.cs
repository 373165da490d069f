namespace Kim.Casemanagement.Infrastructure.Database;

internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string Describe() =>
        $"'{CommandLine}' exited with code {ExitCode}.{Environment.NewLine}" +
        $"stdout: {Trimmed(StandardOutput)}{Environment.NewLine}stderr: {Trimmed(StandardError)}";

    private static string Trimmed(string text) => string.IsNullOrWhiteSpace(text) ? "(empty)" : text.Trim();
}
