using System.Xml.Linq;
using Kim.Casemanagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Data Protection key ring in PostgreSQL (table data_protection_keys), shared by all instances.</summary>
public sealed class DatenbankSchluesselSpeicher(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        return db.DatenschutzSchluessel.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToArray();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KimDbContext>();
        db.DatenschutzSchluessel.Add(new DatenschutzSchluessel { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
