using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Web.Tests.Infrastruktur;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>The API fixture with the Datenschutz role, the team lead of the case manager's team and a Jobcenter contact.</summary>
public sealed class SperrungFixture : ApiFixture
{
    public HttpClient Datenschutz { get; private set; } = null!;

    public TestKonto DatenschutzKonto { get; private set; } = null!;

    public HttpClient Teamleitung { get; private set; } = null!;

    public HttpClient Jobcenter { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        DatenschutzKonto = await Factory.KontoAsync("ds.sperre", Rolle.Datenschutz);
        Datenschutz = await Factory.AngemeldetAsync(DatenschutzKonto);
        Teamleitung = await Factory.AngemeldetAsync(await Factory.KontoAsync("tl.sperre", Rolle.Teamleitung, "Team A"));
        Jobcenter = await Factory.AngemeldetAsync(await Factory.KontoAsync("jc.sperre", Rolle.Partner, behoerde: Behoerde.Jobcenter));
    }

    public override async Task DisposeAsync()
    {
        Datenschutz?.Dispose();
        Teamleitung?.Dispose();
        Jobcenter?.Dispose();
        await base.DisposeAsync();
    }
}
