using Kim.Casemanagement.Domain.Klienten;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kim.Casemanagement.Infrastructure.Persistence.Configurations;

internal sealed class KlientConfiguration : IEntityTypeConfiguration<Klient>
{
    public void Configure(EntityTypeBuilder<Klient> b)
    {
        b.ToTable("klienten");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property<string>("Mandant").HasColumnName("mandant").IsRequired();
        b.Property(k => k.Vorname).HasColumnName("vorname").IsRequired();
        b.Property(k => k.Nachname).HasColumnName("nachname").IsRequired();
        b.Property(k => k.Geburtsdatum).HasColumnName("geburtsdatum");
        b.Property(k => k.Geschlecht).HasColumnName("geschlecht").HasConversion<string>().IsRequired();
        b.Property(k => k.Herkunftsland).HasColumnName("herkunftsland").IsRequired();
        b.Property(k => k.Einreisedatum).HasColumnName("einreisedatum");
        b.Property(k => k.HaushaltId).HasColumnName("haushalt_id");
        b.Property(k => k.MinderjaehrigeKinder).HasColumnName("minderjaehrige_kinder");
        b.Property(k => k.ErstelltAm).HasColumnName("erstellt_am");
        b.HasIndex(k => k.HaushaltId).HasDatabaseName("ix_klienten_haushalt_id");
    }
}
