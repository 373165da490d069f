using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>The API fixture with six Fälle taken through their first steps and a Lenkungsgruppe account.</summary>
public sealed class AnalysenApiFixture : ApiFixture
{
    public const int AnzahlFaelle = 6;

    public HttpClient Lenkungsgruppe { get; private set; } = null!;

    private readonly List<Guid> _fallIds = [];

    public IReadOnlyList<Guid> FallIds => _fallIds;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        for (var i = 0; i < AnzahlFaelle; i++)
        {
            var id = await Client.NeuerFallAsync();
            _fallIds.Add(id);
            await Client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
            if (i % 2 == 0)
            {
                await Client.SchrittAsync(id, "Bildung", "ErstberatungDurchfuehren", "2026-11-03").OkAsync();
            }
        }

        Lenkungsgruppe = await Factory.AngemeldetAsync(await Factory.KontoAsync("lg.test", Rolle.Lenkungsgruppe));
    }

    public override async Task DisposeAsync()
    {
        Lenkungsgruppe?.Dispose();
        await base.DisposeAsync();
    }
}
