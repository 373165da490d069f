using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kim.Casemanagement.Web.Tests.Infrastruktur;

/// <summary>The real application on real Kestrel (loopback, random port) against a real PostgreSQL database.</summary>
public sealed class KimWebFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KimWebFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(0);
    }

    /// <summary>Settings for a test database (app role for requests, owner role for migrations).</summary>
    public static Dictionary<string, string?> FuerDatenbank(string appConnectionString, string ownerConnectionString) => new()
    {
        ["ConnectionStrings:Kim"] = appConnectionString,
        ["ConnectionStrings:KimMigration"] = ownerConnectionString,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
