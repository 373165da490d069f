using System.Security.Cryptography;

namespace Kim.Casemanagement.Infrastructure.Tests.Database;

/// <summary>A fresh folder under /tmp that the postgres system user can enter; deleted on dispose.</summary>
public sealed class TemporaryDataDirectory : IDisposable
{
    public TemporaryDataDirectory()
    {
        Path = System.IO.Path.Combine("/tmp", "kim-ep-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(Path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, (UnixFileMode)0b111_101_101);
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
