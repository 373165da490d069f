using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Refuses passwords from the shipped list of common passwords (case-insensitive), and passwords equal to the user name.</summary>
public sealed class HaeufigePasswoerterValidator : IPasswordValidator<Benutzer>
{
    private static readonly Lazy<HashSet<string>> Liste = new(Laden);

    public static int Anzahl => Liste.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<Benutzer> manager, Benutzer user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswortFehlt", Description = "Bitte ein Passwort angeben." }));
        }

        if (Liste.Value.Contains(password.Trim().ToLowerInvariant()))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswortHaeufig", Description = "Dieses Passwort ist zu verbreitet. Bitte wählen Sie ein anderes, z. B. einen Satz aus mehreren Wörtern." }));
        }

        if (user.UserName is { } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswortEnthaeltBenutzername", Description = "Das Passwort darf den Benutzernamen nicht enthalten." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Laden()
    {
        using var stream = typeof(HaeufigePasswoerterValidator).Assembly.GetManifestResourceStream("haeufige-passwoerter.txt.gz")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.ToLowerInvariant());
            }
        }

        return set;
    }
}
