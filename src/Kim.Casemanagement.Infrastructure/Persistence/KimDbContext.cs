using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Domain.Klienten;
using Kim.Casemanagement.Infrastructure.Identitaet;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kim.Casemanagement.Infrastructure.Persistence;

/// <summary>
/// The EF Core model of the case file. The schema itself is defined by <c>db/migrations/*.sql</c>;
/// a test proves that this model maps exactly what the scripts create.
/// </summary>
public class KimDbContext(DbContextOptions<KimDbContext> options) : IdentityDbContext<Benutzer, IdentityRole, string>(options)
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Sitzung> Sitzungen => Set<Sitzung>();

    public DbSet<DatenschutzSchluessel> DatenschutzSchluessel => Set<DatenschutzSchluessel>();

    public DbSet<Klient> Klienten => Set<Klient>();

    public DbSet<Fall> Faelle => Set<Fall>();

    public DbSet<Einwilligung> Einwilligungen => Set<Einwilligung>();

    public DbSet<Ziel> Ziele => Set<Ziel>();

    public DbSet<Wiedervorlage> Wiedervorlagen => Set<Wiedervorlage>();

    public DbSet<Vertretung> Vertretungen => Set<Vertretung>();

    public DbSet<Ueberleitung> Ueberleitungen => Set<Ueberleitung>();

    public DbSet<Notiz> Notizen => Set<Notiz>();

    public DbSet<KompetenzprofilUebergabe> KompetenzprofilUebergaben => Set<KompetenzprofilUebergabe>();

    public DbSet<FallEreignis> FallEreignisse => Set<FallEreignis>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        IdentitaetsTabellen.Benennen(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KimDbContext).Assembly);
    }
}
